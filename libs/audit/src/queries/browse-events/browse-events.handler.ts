import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EventBrowser, type EventPage } from '../../browse/event-browser.js';
import { BrowseEvents } from './browse-events.query.js';

@QueryHandler(BrowseEvents)
export class BrowseEventsHandler implements IQueryHandler<BrowseEvents> {
  constructor(@Inject(EventBrowser) private readonly browser: EventBrowser) {}

  execute({ page, streamId }: BrowseEvents): Promise<EventPage> {
    return streamId === undefined ? this.browser.pageAll(page) : this.browser.pageStream(streamId, page);
  }
}
