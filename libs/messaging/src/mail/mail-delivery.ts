import { backoffDelay } from '#ardoise/kernel';
import { sql, type Kysely } from 'kysely';
import type { Transporter } from 'nodemailer';
import { OUTBOX_TABLE } from './outbox-mailer.js';
import { HELD_AUTO_RELEASE_MS, releaseHeldMails } from './outbox/release-held-mails.js';
import type { MessagingDatabase } from '../projections/messaging-database.js';

export interface MailDeliveryOptions {
  /** Sender (AppConfig.mailFrom). */
  from: string;
  /** After this many failed attempts an e-mail is `failed` (staff see it in the outbox). */
  maxAttempts: number;
  /** Delay before the first retry; doubled at each attempt, capped by `maxRetryDelayMs`. */
  retryDelayMs: number;
  maxRetryDelayMs: number;
  /** Pause between two looks at the outbox when it has nothing due. */
  pollMs: number;
}

export const DEFAULT_DELIVERY: Omit<MailDeliveryOptions, 'from'> = {
  maxAttempts: 8,
  retryDelayMs: 60_000,
  maxRetryDelayMs: 6 * 3600_000,
  pollMs: 2_000,
};

/** Minimal logger shape (pino's). */
export interface DeliveryLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** Delay before attempt n+1 after n failed attempts: retryDelay × 2^(n−1), capped (the kernel's backoff, exact). */
export function retryDelay(failedAttempts: number, options: Pick<MailDeliveryOptions, 'retryDelayMs' | 'maxRetryDelayMs'>): number {
  return backoffDelay(Math.max(1, failedAttempts), { initialMs: options.retryDelayMs, maxMs: options.maxRetryDelayMs, jitter: 0 });
}

/** An SMTP error as staff may read it: codes and the server's words, without any e-mail address. */
export function describeFailure(error: unknown): { text: string; permanent: boolean } {
  const e = error as { code?: string; responseCode?: number; response?: string; message?: string };
  const parts = [e.code, e.responseCode ? String(e.responseCode) : undefined, e.response ?? e.message].filter(Boolean);
  const text = parts
    .join(' ')
    .replace(/<?[^\s<>@]+@[^\s<>@]+>?/g, '<adresse>')
    .slice(0, 500);
  // 5xx: the server refuses for good (unknown mailbox…); 4xx and network errors are worth retrying.
  const permanent = typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode < 600;
  return { text: text || 'erreur inconnue', permanent };
}

/**
 * Sends the outbox's pending e-mails through SMTP, one row locked at a time (FOR UPDATE
 * SKIP LOCKED: several processes may run it), with exponential backoff and a maximum
 * number of attempts. Delivery is at least once: a crash between the SMTP server's "OK"
 * and the commit sends that e-mail again at restart.
 */
export class MailDelivery {
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;

  constructor(
    private readonly db: Kysely<MessagingDatabase>,
    private readonly transport: Pick<Transporter, 'sendMail'>,
    private readonly options: MailDeliveryOptions,
    private readonly logger: DeliveryLogger,
  ) {}

  /** Starts the loop; e-mails held before SMTP was configured (and still recent) go first. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.releaseRecentHeld().then(() => this.run());
  }

  private async releaseRecentHeld(): Promise<void> {
    try {
      const released = await releaseHeldMails(this.db, { createdAfter: new Date(Date.now() - HELD_AUTO_RELEASE_MS) });
      if (released > 0) this.logger.info({ released }, 'mail delivery: e-mails held without SMTP are now sent');
    } catch (error) {
      this.logger.error({ err: (error as Error).message }, 'mail delivery: held e-mails not released');
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** Sends what is due now; returns how many e-mails were attempted. */
  async deliverDue(limit = 50): Promise<number> {
    // Each e-mail at most once per pass, even when a short retry delay makes it due again.
    const attempted: string[] = [];
    while (attempted.length < limit) {
      const id = await this.deliverOne(attempted);
      if (!id) break;
      attempted.push(id);
    }
    return attempted.length;
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        if ((await this.deliverDue()) > 0) continue;
      } catch (error) {
        this.logger.error({ err: (error as Error).message }, 'mail delivery: outbox unreachable');
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.options.pollMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  private async deliverOne(skip: string[]): Promise<string | undefined> {
    return this.db.transaction().execute(async (trx) => {
      let due = trx
        .selectFrom(OUTBOX_TABLE)
        .select(['id', 'to', 'subject', 'text', 'html', 'attempts', 'template'])
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', sql<Date>`now()`);
      if (skip.length > 0) due = due.where('id', 'not in', skip);
      const mail = await due.orderBy('next_attempt_at').limit(1).forUpdate().skipLocked().executeTakeFirst();
      if (!mail) return undefined;
      const attempts = mail.attempts + 1;
      try {
        await this.transport.sendMail({ from: this.options.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
        await trx
          .updateTable(OUTBOX_TABLE)
          .set({ status: 'sent', attempts, sent_at: sql`now()`, last_error: null })
          .where('id', '=', mail.id)
          .execute();
        this.logger.info({ mailId: mail.id, template: mail.template, attempts }, 'e-mail sent');
      } catch (error) {
        const failure = describeFailure(error);
        const givenUp = failure.permanent || attempts >= this.options.maxAttempts;
        const delayMs = retryDelay(attempts, this.options);
        await trx
          .updateTable(OUTBOX_TABLE)
          .set({
            status: givenUp ? 'failed' : 'pending',
            attempts,
            last_error: failure.text,
            next_attempt_at: sql`now() + make_interval(secs => ${delayMs / 1000})`,
          })
          .where('id', '=', mail.id)
          .execute();
        this.logger.warn({ mailId: mail.id, template: mail.template, attempts, givenUp, error: failure.text }, 'e-mail not sent');
      }
      return mail.id as string;
    });
  }
}
