import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import type { OutboxMailView } from '#ardoise/contracts';
import { DATABASE } from '#ardoise/database';
import { NotFoundError } from '#ardoise/kernel';
import { OUTBOX_TABLE } from '../../mail/outbox-mailer.js';
import { iso, type MessagingDatabase } from '../../projections/messaging-database.js';
import { toOutboxSummary } from '../list-outbox/outbox-views.js';
import { GetOutboxMail } from './get-outbox-mail.query.js';

@QueryHandler(GetOutboxMail)
export class GetOutboxMailHandler implements IQueryHandler<GetOutboxMail> {
  constructor(@Inject(DATABASE) private readonly db: Kysely<MessagingDatabase>) {}

  async execute({ mailId }: GetOutboxMail): Promise<OutboxMailView> {
    const row = await this.db.selectFrom(OUTBOX_TABLE).selectAll().where('id', '=', mailId).executeTakeFirst();
    if (!row) throw new NotFoundError('OUTBOX.MAIL_NOT_FOUND', 'E-mail introuvable.');
    return {
      ...toOutboxSummary(row),
      text: row.text,
      html: row.html,
      nextAttemptAt: row.status === 'pending' ? iso(row.next_attempt_at) : null,
      lastError: row.last_error,
    };
  }
}
