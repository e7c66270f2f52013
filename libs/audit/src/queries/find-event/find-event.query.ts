import { Query } from '@nestjs/cqrs';
import type { AuditedEvent } from '../../audited-event.js';
import type { AuditReader } from '../../event-revealer.js';

/** One event by its id (a deep link from the finances, etc.). */
export class FindEvent extends Query<AuditedEvent> {
  constructor(
    readonly eventId: string,
    readonly reader: AuditReader,
  ) {
    super();
  }
}
