import { Global, Inject, Module, type OnModuleInit } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { DATABASE } from '#ardoise/database';
import { AppConfig, MAILER, Town, type Mailer } from '#ardoise/runtime';
import { MailDeliveryLifecycle } from './mail/mail-delivery.lifecycle.js';
import { OutboxController } from './mail/outbox/outbox.controller.js';
import { OutboxQueries } from './mail/outbox/outbox-queries.js';
import { OutboxMailer } from './mail/outbox-mailer.js';
import { bindNotificationMailer } from './notifications/notifications.projector.js';
import { PublishNewsHandler, WithdrawNewsHandler } from './news/commands/news-commands.js';
import { NewsPublishingController } from './news/commands/news-publishing.controller.js';
import { FAMILY_AUDIENCE_RESOLVER, ReadModelFamilyAudience } from './news/queries/family-audience.js';
import { NewsQueries } from './news/queries/news-queries.js';
import { NewsReadingController } from './news/queries/news-reading.controller.js';
import { AttachmentStore } from './requests/attachments/attachment-store.js';
import { AttachmentUploadInterceptor } from './requests/attachments/attachment-upload.interceptor.js';
import { REQUEST_COMMAND_HANDLERS } from './requests/commands/request-command.handlers.js';
import { RequestsController } from './requests/commands/requests.controller.js';
import { QfProofController } from './requests/commands/qf-proof/qf-proof.controller.js';
import { TurnProofIntoQuotientHandler } from './requests/commands/qf-proof/turn-proof-into-quotient.js';
import { RequestQueries } from './requests/queries/request-queries.js';

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
  controllers: [OutboxController, NewsPublishingController, NewsReadingController, RequestsController, QfProofController],
  providers: [
    {
      provide: MAILER,
      inject: [DATABASE, AppConfig, Town],
      useFactory: (db: Kysely<any>, config: AppConfig, town: Town) =>
        new OutboxMailer(db, { publicUrl: config.publicUrl, town: town.identity, delivery: config.SMTP_URL ? 'smtp' : 'outbox' }),
    },
    { provide: OutboxQueries, inject: [DATABASE], useFactory: (db: Kysely<any>) => new OutboxQueries(db) },
    MailDeliveryLifecycle,
    NotificationMailerBinding,
    { provide: NewsQueries, inject: [DATABASE], useFactory: (db: Kysely<any>) => new NewsQueries(db) },
    { provide: FAMILY_AUDIENCE_RESOLVER, inject: [DATABASE], useFactory: (db: Kysely<any>) => new ReadModelFamilyAudience(db) },
    PublishNewsHandler,
    WithdrawNewsHandler,
    { provide: RequestQueries, inject: [DATABASE], useFactory: (db: Kysely<any>) => new RequestQueries(db) },
    { provide: AttachmentStore, inject: [DATABASE], useFactory: (db: Kysely<any>) => new AttachmentStore(db) },
    AttachmentUploadInterceptor,
    ...REQUEST_COMMAND_HANDLERS,
    TurnProofIntoQuotientHandler,
  ],
  exports: [MAILER, OutboxQueries, AttachmentStore, FAMILY_AUDIENCE_RESOLVER],
})
export class MessagingModule {}
