import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EventLookup, type CausationChain } from '../../browse/event-lookup.js';
import { TraceCausation } from './trace-causation.query.js';

@QueryHandler(TraceCausation)
export class TraceCausationHandler implements IQueryHandler<TraceCausation> {
  constructor(@Inject(EventLookup) private readonly lookup: EventLookup) {}

  execute({ eventId, reader }: TraceCausation): Promise<CausationChain> {
    return this.lookup.causation(eventId, reader);
  }
}
