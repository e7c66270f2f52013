import { Global, Inject, Module, type OnModuleInit } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { DATABASE } from '#ardoise/database';
import { AppConfig } from '#ardoise/runtime';
import { MailDeliveryLifecycle } from './mail/mail-delivery.lifecycle.js';
import { MAILER, type Mailer } from './mail/mailer.port.js';
import { OutboxController } from './mail/outbox/outbox.controller.js';
import { OutboxQueries } from './mail/outbox/outbox-queries.js';
import { OutboxMailer } from './mail/outbox-mailer.js';
import { bindNotificationMailer } from './notifications/notifications.projector.js';

/** Hands the process's Mailer to the notifications projector (which the projection runner builds outside Nest). */
class NotificationMailerBinding implements OnModuleInit {
  constructor(@Inject(MAILER) private readonly mailer: Mailer) {}
  onModuleInit(): void {
    bindNotificationMailer(this.mailer);
  }
}

/** E-mail (outbox + SMTP delivery), news and requests ("Mes demandes"). */
@Global()
@Module({
  controllers: [OutboxController],
  providers: [
    {
      provide: MAILER,
      inject: [DATABASE, AppConfig],
      useFactory: (db: Kysely<any>, config: AppConfig) =>
        new OutboxMailer(db, { publicUrl: config.publicUrl, delivery: config.SMTP_URL ? 'smtp' : 'outbox' }),
    },
    { provide: OutboxQueries, inject: [DATABASE], useFactory: (db: Kysely<any>) => new OutboxQueries(db) },
    MailDeliveryLifecycle,
    NotificationMailerBinding,
  ],
  exports: [MAILER, OutboxQueries],
})
export class MessagingModule {}
