import type { Selectable } from 'kysely';
import type { OutboxMailSummary } from '#ardoise/contracts';
import { iso, type MailOutboxTable } from '../../projections/messaging-database.js';

/** An e-mail of the outbox as listed (without its text and HTML). */
export const toOutboxSummary = (
  row: Pick<Selectable<MailOutboxTable>, 'id' | 'to' | 'template' | 'subject' | 'status' | 'attempts' | 'family_id' | 'created_at' | 'sent_at'>,
): OutboxMailSummary => ({
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
