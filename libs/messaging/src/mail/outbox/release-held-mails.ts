import { sql, type Kysely } from 'kysely';
import { ConflictError } from '#ardoise/kernel';
import type { AppConfig } from '#ardoise/runtime';
import { OUTBOX_TABLE } from '../outbox-mailer.js';
import type { MessagingDatabase } from '../../projections/messaging-database.js';

/**
 * E-mails held while no SMTP server was configured, younger than this, are sent by the
 * delivery job as soon as it starts with SMTP: a link from last month (activation, password)
 * has expired and would only confuse; staff resend those one by one, or all at once.
 */
export const HELD_AUTO_RELEASE_MS = 3 * 24 * 3600 * 1000;

/**
 * Turns held (never sent, no SMTP then) or failed e-mails into pending ones, due now, with
 * their attempts counted afresh: the delivery loop sends them. Returns how many were released.
 */
export async function releaseHeldMails(db: Kysely<MessagingDatabase>, which: { ids: string[] } | { createdAfter: Date } | { allHeld: true }): Promise<number> {
  let update = db.updateTable(OUTBOX_TABLE).set({ status: 'pending', attempts: 0, next_attempt_at: sql`now()`, last_error: null });
  if ('ids' in which) {
    if (which.ids.length === 0) return 0;
    update = update.where('id', 'in', which.ids).where('status', 'in', ['held', 'failed']);
  } else {
    update = update.where('status', '=', 'held');
    if ('createdAfter' in which) update = update.where('created_at', '>', which.createdAfter);
  }
  const result = await update.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Held e-mails are released only towards a configured SMTP server: else they would be held again. */
export function assertSmtpConfigured(config: Pick<AppConfig, 'SMTP_URL'>): void {
  if (!config.SMTP_URL) {
    throw new ConflictError('OUTBOX.NO_SMTP', 'Aucun serveur d’envoi n’est configuré (SMTP_URL) : les e-mails restent dans la boîte d’envoi.');
  }
}
