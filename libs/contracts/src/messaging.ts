/** GET /api/v1/outbox — an e-mail in the outbox, as staff list them. */
export interface OutboxMailSummary {
  id: string;
  to: string;
  template: string;
  subject: string;
  /** pending: waiting to be sent; sent; failed: given up after retries; held: no SMTP configured, kept here. */
  status: 'pending' | 'sent' | 'failed' | 'held';
  attempts: number;
  familyId: string | null;
  createdAt: string;
  sentAt: string | null;
}

/** GET /api/v1/outbox/:id — the e-mail in full. */
export interface OutboxMailView extends OutboxMailSummary {
  text: string;
  html: string;
  nextAttemptAt: string | null;
  /** The SMTP server's last refusal (never with an e-mail address). */
  lastError: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
