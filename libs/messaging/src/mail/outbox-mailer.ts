import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Mailer, MailMessage } from '#ardoise/runtime';
import type { MailTown } from './templates/layout.js';
import { renderMail } from './templates/render-mail.js';
import type { MessagingDatabase } from '../projections/messaging-database.js';

export const OUTBOX_TABLE = 'mail_outbox';

export interface OutboxMailerOptions {
  /** Address of the portal for the links of the e-mails (AppConfig.publicUrl). */
  publicUrl: string;
  /** The town that signs the e-mails (Town.identity). */
  town: MailTown;
  /**
   * 'smtp': e-mails wait in the outbox as `pending` until the delivery loop sends them.
   * 'outbox': no SMTP configured: e-mails are `held` — kept in the outbox for staff to read, never sent.
   */
  delivery: 'smtp' | 'outbox';
}

const ADDRESS = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/;

/**
 * The Mailer: renders the French template (text + HTML) and writes the e-mail to the outbox,
 * in the caller's transaction when given one. A dedupe key already in the outbox means
 * the e-mail was already produced: nothing happens (a replayed event sends nothing twice).
 */
export class OutboxMailer implements Mailer {
  constructor(
    private readonly db: Kysely<MessagingDatabase>,
    private readonly options: OutboxMailerOptions,
  ) {}

  async enqueue(message: MailMessage, db: Kysely<MessagingDatabase> = this.db): Promise<void> {
    const to = message.to.trim();
    if (!ADDRESS.test(to)) throw new Error('mail: the recipient is not an e-mail address');
    if (message.dedupeKey && (await this.alreadyProduced(message.dedupeKey, db))) return;
    // Rendered now, so that staff read in the outbox exactly what was (or will be) sent.
    const rendered = renderMail(message.template, message.data, { publicUrl: this.options.publicUrl, town: this.options.town });
    await db
      .insertInto(OUTBOX_TABLE)
      .values({
        id: randomUUID(),
        to,
        template: message.template,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        family_id: message.familyId ?? null,
        dedupe_key: message.dedupeKey ?? null,
        status: this.options.delivery === 'smtp' ? 'pending' : 'held',
      })
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .execute();
  }

  /** RGPD erasure of a family: its e-mails go with it. */
  async eraseFamily(familyId: string, db: Kysely<MessagingDatabase> = this.db): Promise<number> {
    const result = await db.deleteFrom(OUTBOX_TABLE).where('family_id', '=', familyId).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  private async alreadyProduced(dedupeKey: string, db: Kysely<MessagingDatabase>): Promise<boolean> {
    const row = await db.selectFrom(OUTBOX_TABLE).select('id').where('dedupe_key', '=', dedupeKey).executeTakeFirst();
    return row !== undefined;
  }
}
