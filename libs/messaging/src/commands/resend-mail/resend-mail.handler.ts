import { Inject } from '@nestjs/common';
import { CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import { DATABASE } from '#ardoise/database';
import { ConflictError } from '#ardoise/kernel';
import { AppConfig } from '#ardoise/runtime';
import { assertSmtpConfigured, releaseHeldMails } from '../../mail/outbox/release-held-mails.js';
import type { MessagingDatabase } from '../../projections/messaging-database.js';
import { GetOutboxMail } from '../../queries/get-outbox-mail/get-outbox-mail.query.js';
import { ResendMail } from './resend-mail.command.js';

@CommandHandler(ResendMail)
export class ResendMailHandler implements ICommandHandler<ResendMail> {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<MessagingDatabase>,
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  async execute({ mailId }: ResendMail): Promise<{ released: number }> {
    assertSmtpConfigured(this.config);
    const mail = await this.queries.execute(new GetOutboxMail(mailId));
    if (mail.status !== 'held' && mail.status !== 'failed') {
      throw new ConflictError('OUTBOX.NOT_HELD', 'Cet e-mail est déjà envoyé ou en cours d’envoi.');
    }
    return { released: await releaseHeldMails(this.db, { ids: [mailId] }) };
  }
}
