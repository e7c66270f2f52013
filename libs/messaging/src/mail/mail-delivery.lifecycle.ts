import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Kysely } from 'kysely';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import { DATABASE } from '#ardoise/database';
import { AppConfig, LOGGER } from '#ardoise/runtime';
import { DEFAULT_DELIVERY, MailDelivery } from './mail-delivery.js';
import type { MessagingDatabase } from '../projections/messaging-database.js';

/**
 * Starts the SMTP delivery loop with the application where projections and jobs run
 * (not in an `ARDOISE_ROLE=api` process), and only when SMTP_URL is set: without it,
 * e-mails are kept in the outbox (`held`) and nothing is marked as sent.
 */
@Injectable()
export class MailDeliveryLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private transport?: Transporter;
  private delivery?: MailDelivery;

  constructor(
    @Inject(DATABASE) private readonly db: Kysely<MessagingDatabase>,
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.SMTP_URL || this.config.ARDOISE_ROLE === 'api') return;
    this.transport = nodemailer.createTransport(this.config.SMTP_URL);
    this.delivery = new MailDelivery(
      this.db,
      this.transport,
      {
        ...DEFAULT_DELIVERY,
        from: this.config.mailFrom,
        maxAttempts: this.config.MAIL_MAX_ATTEMPTS,
        retryDelayMs: this.config.MAIL_RETRY_SECONDS * 1000,
      },
      this.logger.child({ component: 'mail-delivery' }),
    );
    this.delivery.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.delivery?.stop();
    this.transport?.close();
  }
}
