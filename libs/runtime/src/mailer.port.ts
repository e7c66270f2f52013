import type { Kysely } from 'kysely';

/** Every e-mail Ardoise sends, each with a French text + HTML template (libs/messaging/src/mail/templates). */
export type MailTemplate =
  | 'activation' // an agent invited the family: link to create the account
  | 'guardian-invitation' // Responsable 2 invited to their own login
  | 'password-reset'
  | 'email-change' // confirm a new login e-mail
  | 'email-change-address-taken' // someone asked for this address, which already has an account
  | 'staff-activation'
  | 'reservation-confirmation'
  | 'waitlist-promotion'
  | 'invoice-available'
  | 'payment-received' // a payment the town holds (desk, PayFIP)
  | 'direct-debit-scheduled' // a SEPA debit put in the bank file: not collected yet
  | 'request-reply';

export interface MailMessage {
  to: string;
  template: MailTemplate;
  /** Values the template shows (links, names, dates). */
  data: Record<string, unknown>;
  /** The family it concerns: erased with the family (RGPD). */
  familyId?: string;
  /** Same key twice → one e-mail (e.g. the id of the event that caused it). */
  dedupeKey?: string;
}

/**
 * Sending an e-mail never blocks a command: `enqueue` writes it to the outbox (in the
 * caller's transaction when `db` is one); delivery through SMTP happens after, with
 * retries. With no SMTP configured, e-mails stay in the outbox, which staff can read.
 */
export interface Mailer {
  enqueue(message: MailMessage, db?: Kysely<any>): Promise<void>;
}

export const MAILER = Symbol('ardoise.MAILER');
