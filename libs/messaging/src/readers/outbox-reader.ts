import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { DATABASE } from '#ardoise/database';
import { OUTBOX_TABLE } from '../mail/outbox-mailer.js';
import type { MessagingDatabase, OutboxStatus } from '../projections/messaging-database.js';

/** Where an e-mail stands in the outbox: held (no SMTP), pending, sent or failed. */
export interface MailStatus {
  status: OutboxStatus;
  sentAt: Date | null;
}

/** What other contexts read of the outbox (reservations' list of promotions: was the family told?). */
@Injectable()
export class OutboxReader {
  constructor(@Inject(DATABASE) private readonly db: Kysely<MessagingDatabase>) {}

  /**
   * The e-mails caused by these events, by event id: the notifications key each e-mail by the
   * id of the event that caused it. An event without an e-mail (not yet written, no address) is absent.
   */
  async mailsCausedBy(eventIds: readonly string[]): Promise<Map<string, MailStatus>> {
    const ids = [...new Set(eventIds)];
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom(OUTBOX_TABLE).select(['dedupe_key', 'status', 'sent_at']).where('dedupe_key', 'in', ids).execute();
    return new Map(rows.map((row) => [String(row.dedupe_key), { status: row.status, sentAt: row.sent_at }]));
  }
}
