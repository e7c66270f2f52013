import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import { DATABASE } from '#ardoise/database';
import { OUTBOX_TABLE } from '../../mail/outbox-mailer.js';
import type { MessagingDatabase } from '../../projections/messaging-database.js';
import { GetOutboxSummary, type OutboxSummary } from './get-outbox-summary.query.js';

@QueryHandler(GetOutboxSummary)
export class GetOutboxSummaryHandler implements IQueryHandler<GetOutboxSummary> {
  constructor(@Inject(DATABASE) private readonly db: Kysely<MessagingDatabase>) {}

  async execute(): Promise<OutboxSummary> {
    const counts = await this.db
      .selectFrom(OUTBOX_TABLE)
      .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
      .groupBy('status')
      .execute();
    const times = await this.db
      .selectFrom(OUTBOX_TABLE)
      .select((eb) => [
        eb.fn.max('sent_at').as('last_sent'),
        eb.fn.min(eb.case().when('status', '=', 'pending').then(eb.ref('next_attempt_at')).end()).as('next_due'),
      ])
      .executeTakeFirst();
    const byStatus = { pending: 0, held: 0, failed: 0, sent: 0 };
    for (const row of counts) byStatus[row.status] = Number(row.n);
    return { byStatus, lastSentAt: times?.last_sent ?? null, nextDueAt: (times?.next_due as Date | null | undefined) ?? null };
  }
}
