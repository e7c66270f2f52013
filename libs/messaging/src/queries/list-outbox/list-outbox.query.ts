import { Query } from '@nestjs/cqrs';
import type { OutboxMailSummary, Page } from '#ardoise/contracts';
import type { OutboxStatus } from '../../projections/messaging-database.js';

/** The outbox as staff read it: newest first, optionally for one recipient or one status. */
export class ListOutbox extends Query<Page<OutboxMailSummary>> {
  constructor(
    readonly to: string | undefined,
    readonly status: OutboxStatus | undefined,
    readonly page: number,
    readonly pageSize: number,
  ) {
    super();
  }
}
