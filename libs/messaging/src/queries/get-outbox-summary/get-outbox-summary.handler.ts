import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { sql, type Kysely } from 'kysely';
import { DATABASE } from '#ardoise/database';
import { OUTBOX_TABLE } from '../../mail/outbox-mailer.js';
import type { MessagingDatabase } from '../../projections/messaging-database.js';
import { GetOutboxSummary, type OutboxSummary } from './get-outbox-summary.query.js';

@QueryHandler(GetOutboxSummary)
export class GetOutboxSummaryHandler implements IQueryHandler<GetOutboxSummary> {
  constructor(@Inject(DATABASE) private readonly db: Kysely<MessagingDatabase>) {}

  async execute(): Promise<OutboxSummary> {
    // One statement: the counts and the times of one moment (the last sent over every status).
    const rows = await this.db
      .selectFrom(OUTBOX_TABLE)
      .select((eb) => [
        'status',
        eb.fn.countAll<string>().as('n'),
        sql<Date | null>`max(max(sent_at)) OVER ()`.as('last_sent'),
        eb.fn.min('next_attempt_at').as('next_attempt'),
      ])
      .groupBy('status')
      .execute();
    const byStatus = { pending: 0, held: 0, failed: 0, sent: 0 };
    for (const row of rows) byStatus[row.status] = Number(row.n);
    const nextDueAt = (rows.find((row) => row.status === 'pending')?.next_attempt as Date | undefined) ?? null;
    return { byStatus, lastSentAt: rows[0]?.last_sent ?? null, nextDueAt };
  }
}
