import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { AuditedEvent } from '../../audited-event.js';
import { EventLookup } from '../../browse/event-lookup.js';
import { FindEvent } from './find-event.query.js';

@QueryHandler(FindEvent)
export class FindEventHandler implements IQueryHandler<FindEvent> {
  constructor(@Inject(EventLookup) private readonly lookup: EventLookup) {}

  execute({ eventId, reader }: FindEvent): Promise<AuditedEvent> {
    return this.lookup.byId(eventId, reader);
  }
}
