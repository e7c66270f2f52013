import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import { DATABASE } from '#ardoise/database';
import { AppConfig } from '#ardoise/runtime';
import { assertSmtpConfigured, releaseHeldMails } from '../../mail/outbox/release-held-mails.js';
import type { MessagingDatabase } from '../../projections/messaging-database.js';
import { ResendHeldMails } from './resend-held-mails.command.js';

@CommandHandler(ResendHeldMails)
export class ResendHeldMailsHandler implements ICommandHandler<ResendHeldMails> {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<MessagingDatabase>,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  async execute(): Promise<{ released: number }> {
    assertSmtpConfigured(this.config);
    return { released: await releaseHeldMails(this.db, { allHeld: true }) };
  }
}
