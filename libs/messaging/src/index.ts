export * from './mail/mailer.port.js';
