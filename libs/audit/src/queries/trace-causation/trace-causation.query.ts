import { Query } from '@nestjs/cqrs';
import type { CausationChain } from '../../browse/event-lookup.js';
import type { AuditReader } from '../../event-revealer.js';

/** The request an event came from, the events it produced and the reactions they triggered. */
export class TraceCausation extends Query<CausationChain> {
  constructor(
    readonly eventId: string,
    readonly reader: AuditReader,
  ) {
    super();
  }
}
