import { Query } from '@nestjs/cqrs';
import type { OutboxStatus } from '../../projections/messaging-database.js';

/** Where the outbox stands, for the admins' health page: e-mails by status, the last sent, the next due. */
export interface OutboxSummary {
  byStatus: Record<OutboxStatus, number>;
  lastSentAt: Date | null;
  nextDueAt: Date | null;
}

export class GetOutboxSummary extends Query<OutboxSummary> {}
