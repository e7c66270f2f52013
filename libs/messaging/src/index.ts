// The Mailer port lives in libs/runtime (identity sends mail too); re-exported for one step.
export { MAILER, type Mailer, type MailMessage, type MailTemplate } from '#ardoise/runtime';
// OUTBOX_TABLE is left only for families' erasure preview (its counts): other contexts read the outbox through OutboxReader.
export { OUTBOX_TABLE, OutboxMailer, type OutboxMailerOptions } from './mail/outbox-mailer.js';
export { OutboxReader, type MailStatus } from './readers/outbox-reader.js';
export { messagingMigrations } from './messaging.migrations.js';
export { MessagingModule } from './messaging.module.js';
export { notificationsProjector, type MailBuilder, type NotificationSource } from './projections/notifications.projector.js';
export { newsStream } from './domain/news-events.js';
export { newsProjector } from './projections/news.projector.js';
export { requestStream } from './domain/request-events.js';
export { REQUESTS_TABLE, requestsProjector } from './projections/requests.projector.js';
export { requestNotifications } from './projections/request-notifications.js';
export { ATTACHMENTS_TABLE } from './attachments/attachment-store.js';
export { FAMILY_AUDIENCE_RESOLVER, type FamilyAudience, type FamilyAudienceResolver } from './audience/family-audience.js';
export { FAMILY_QUOTIENT, type FamilyQuotient, type QuotientUpdate } from './quotient/family-quotient.port.js';
export { ERASED_TEXT, FAMILY_PERSONAL_DATA, type FamilyPersonalData } from './privacy/family-personal-data.js';
export { eraseFamilyMessaging } from './projections/erase-family-requests.js';
export { requestDecider } from './domain/request.decider.js';
export { newsDecider } from './domain/news.decider.js';
export { PublishNews } from './commands/publish-news/publish-news.command.js';
export { OpenRequest } from './commands/open-request/open-request.command.js';
export { PostRequestMessage } from './commands/post-request-message/post-request-message.command.js';
export { CloseRequest } from './commands/close-request/close-request.command.js';
