import { Global, Inject, Module, type OnModuleInit } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { DATABASE } from '#ardoise/database';
import { AppConfig, MAILER, Town, type Mailer } from '#ardoise/runtime';
import { AttachmentStore } from './attachments/attachment-store.js';
import { AttachmentUploadInterceptor } from './attachments/attachment-upload.interceptor.js';
import { AddRequestAttachmentHandler } from './commands/add-request-attachment/add-request-attachment.handler.js';
import { CloseRequestHandler } from './commands/close-request/close-request.handler.js';
import { EraseFamilyMessagingHandler } from './commands/erase-family-messaging/erase-family-messaging.handler.js';
import { MarkNewsReadHandler } from './commands/mark-news-read/mark-news-read.handler.js';
import { OpenRequestHandler } from './commands/open-request/open-request.handler.js';
import { PostRequestMessageHandler } from './commands/post-request-message/post-request-message.handler.js';
import { PublishNewsHandler } from './commands/publish-news/publish-news.handler.js';
import { ReopenRequestHandler } from './commands/reopen-request/reopen-request.handler.js';
import { ResendHeldMailsHandler } from './commands/resend-held-mails/resend-held-mails.handler.js';
import { ResendMailHandler } from './commands/resend-mail/resend-mail.handler.js';
import { TurnProofIntoQuotientHandler } from './commands/turn-proof-into-quotient/turn-proof-into-quotient.handler.js';
import { WithdrawNewsHandler } from './commands/withdraw-news/withdraw-news.handler.js';
import { NewsPublishingController } from './http/news-publishing.controller.js';
import { NewsReadingController } from './http/news-reading.controller.js';
import { OutboxController } from './http/outbox.controller.js';
import { QfProofController } from './http/qf-proof.controller.js';
import { RequestsController } from './http/requests.controller.js';
import { MailDeliveryLifecycle } from './mail/mail-delivery.lifecycle.js';
import { OutboxMailer } from './mail/outbox-mailer.js';
import type { MessagingDatabase } from './projections/messaging-database.js';
import { bindNotificationMailer } from './projections/notifications.projector.js';
import { DownloadRequestAttachmentHandler } from './queries/download-request-attachment/download-request-attachment.handler.js';
import { GetNewsHandler } from './queries/get-news/get-news.handler.js';
import { GetOutboxDeliveryHandler } from './queries/get-outbox-delivery/get-outbox-delivery.handler.js';
import { GetOutboxMailHandler } from './queries/get-outbox-mail/get-outbox-mail.handler.js';
import { GetRequestThreadHandler } from './queries/get-request-thread/get-request-thread.handler.js';
import { ListNewsHandler } from './queries/list-news/list-news.handler.js';
import { GetOutboxSummaryHandler } from './queries/get-outbox-summary/get-outbox-summary.handler.js';
import { ListOutboxHandler } from './queries/list-outbox/list-outbox.handler.js';
import { ListRequestsHandler } from './queries/list-requests/list-requests.handler.js';
import { FamilyMessagingReader } from './readers/family-messaging-reader.js';
import { OutboxReader } from './readers/outbox-reader.js';

/** Hands the process's Mailer to the notifications projector (which the projection runner builds outside Nest). */
class NotificationMailerBinding implements OnModuleInit {
  constructor(@Inject(MAILER) private readonly mailer: Mailer) {}
  onModuleInit(): void {
    bindNotificationMailer(this.mailer);
  }
}

const COMMAND_HANDLERS = [
  PublishNewsHandler,
  WithdrawNewsHandler,
  MarkNewsReadHandler,
  OpenRequestHandler,
  PostRequestMessageHandler,
  AddRequestAttachmentHandler,
  CloseRequestHandler,
  ReopenRequestHandler,
  TurnProofIntoQuotientHandler,
  ResendHeldMailsHandler,
  ResendMailHandler,
  EraseFamilyMessagingHandler,
];

const QUERY_HANDLERS = [
  ListNewsHandler,
  GetNewsHandler,
  ListRequestsHandler,
  GetRequestThreadHandler,
  DownloadRequestAttachmentHandler,
  ListOutboxHandler,
  GetOutboxMailHandler,
  GetOutboxDeliveryHandler,
  GetOutboxSummaryHandler,
];

/** E-mail (outbox + SMTP delivery), news and requests ("Mes demandes"). */
@Global()
@Module({
  controllers: [OutboxController, NewsPublishingController, NewsReadingController, RequestsController, QfProofController],
  providers: [
    {
      provide: MAILER,
      inject: [DATABASE, AppConfig, Town],
      useFactory: (db: Kysely<MessagingDatabase>, config: AppConfig, town: Town) =>
        new OutboxMailer(db, { publicUrl: config.publicUrl, town: town.identity, delivery: config.SMTP_URL ? 'smtp' : 'outbox' }),
    },
    MailDeliveryLifecycle,
    NotificationMailerBinding,
    { provide: AttachmentStore, inject: [DATABASE], useFactory: (db: Kysely<MessagingDatabase>) => new AttachmentStore(db) },
    AttachmentUploadInterceptor,
    ...COMMAND_HANDLERS,
    ...QUERY_HANDLERS,
    // what other contexts read
    FamilyMessagingReader,
    OutboxReader,
  ],
  exports: [MAILER, FamilyMessagingReader, OutboxReader],
})
export class MessagingModule {}
