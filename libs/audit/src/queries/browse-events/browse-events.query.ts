import { Query } from '@nestjs/cqrs';
import type { PageRequest, EventPage } from '../../browse/event-browser.js';

/** A page of the log (`$all`), or of one stream when `streamId` is given, for an auditor. */
export class BrowseEvents extends Query<EventPage> {
  constructor(
    readonly page: PageRequest,
    readonly streamId?: string,
  ) {
    super();
  }
}
