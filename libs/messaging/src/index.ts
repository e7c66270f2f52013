export * from './mail/mailer.port.js';
export * from './mail/outbox-mailer.js';
export * from './mail/mail-delivery.js';
export * from './mail/templates/render-mail.js';
export { escapeHtml, type RenderContext, type RenderedMail } from './mail/templates/layout.js';
export * from './mail/outbox/outbox-queries.js';
export * from './messaging.migrations.js';
export * from './messaging.module.js';
export * from './notifications/notifications.projector.js';
