import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import type { OutboxDeliveryView } from '#ardoise/contracts';
import { DATABASE } from '#ardoise/database';
import { AppConfig } from '#ardoise/runtime';
import { OUTBOX_TABLE } from '../../mail/outbox-mailer.js';
import type { MessagingDatabase } from '../../projections/messaging-database.js';
import { GetOutboxDelivery } from './get-outbox-delivery.query.js';

@QueryHandler(GetOutboxDelivery)
export class GetOutboxDeliveryHandler implements IQueryHandler<GetOutboxDelivery> {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<MessagingDatabase>,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  async execute(): Promise<OutboxDeliveryView> {
    const rows = await this.db
      .selectFrom(OUTBOX_TABLE)
      .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
      .where('status', 'in', ['held', 'pending', 'failed'])
      .groupBy('status')
      .execute();
    const count = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
    return { smtpConfigured: Boolean(this.config.SMTP_URL), held: count('held'), pending: count('pending'), failed: count('failed') };
  }
}
