import { sql, type Kysely } from 'kysely';
import type { OutboxMailSummary, OutboxMailView, Page } from '#ardoise/contracts';
import { NotFoundError } from '#ardoise/kernel';
import { OUTBOX_TABLE } from '../outbox-mailer.js';

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

const toSummary = (row: Record<string, any>): OutboxMailSummary => ({
  id: row.id,
  to: row.to,
  template: row.template,
  subject: row.subject,
  status: row.status,
  attempts: row.attempts,
  familyId: row.family_id,
  createdAt: iso(row.created_at)!,
  sentAt: iso(row.sent_at),
});

/** The outbox as staff read it: newest first, optionally for one recipient. */
export class OutboxQueries {
  constructor(private readonly db: Kysely<any>) {}

  async list(filter: { to?: string; status?: string; page: number; pageSize: number }): Promise<Page<OutboxMailSummary>> {
    let query = this.db.selectFrom(OUTBOX_TABLE);
    if (filter.to) query = query.where(sql`lower("to")`, '=', filter.to.trim().toLowerCase());
    if (filter.status) query = query.where('status', '=', filter.status);
    const [rows, count] = await Promise.all([
      query
        .select(['id', 'to', 'template', 'subject', 'status', 'attempts', 'family_id', 'created_at', 'sent_at'])
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(filter.pageSize)
        .offset((filter.page - 1) * filter.pageSize)
        .execute(),
      query.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toSummary), total: Number(count.total), page: filter.page, pageSize: filter.pageSize };
  }

  /** How many e-mails wait, by status (what the outbox screen shows at the top). */
  async counts(): Promise<{ held: number; pending: number; failed: number }> {
    const rows = await this.db
      .selectFrom(OUTBOX_TABLE)
      .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
      .where('status', 'in', ['held', 'pending', 'failed'])
      .groupBy('status')
      .execute();
    const count = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
    return { held: count('held'), pending: count('pending'), failed: count('failed') };
  }

  async get(id: string): Promise<OutboxMailView> {
    const row = await this.db.selectFrom(OUTBOX_TABLE).selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('OUTBOX.MAIL_NOT_FOUND', 'E-mail introuvable.');
    return {
      ...toSummary(row),
      text: row.text,
      html: row.html,
      nextAttemptAt: row.status === 'pending' ? iso(row.next_attempt_at) : null,
      lastError: row.last_error,
    };
  }
}
