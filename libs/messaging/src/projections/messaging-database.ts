import type { ColumnType, Generated } from 'kysely';
import type { NewsKind } from '../domain/news-events.js';
import type { RequestAuthor, RequestTopic } from '../domain/request-events.js';

/**
 * Messaging's tables as its handlers see them: the read models of news and requests (each
 * name is a view on the active generation, docs/projections.md), and the tables kept outside
 * the log (the outbox, the attachments' bytes, the news read marks). Projectors write through
 * the physical generation tables the engine hands them (untyped).
 */
export interface MessagingDatabase {
  messaging_news: NewsTable;
  news_reads: NewsReadsTable;
  messaging_requests: RequestsTable;
  messaging_request_messages: RequestMessagesTable;
  messaging_request_attachments: RequestAttachmentsTable;
  mail_outbox: MailOutboxTable;
  attachments: AttachmentsTable;
}

/** A timestamptz column, read as a Date, written as a Date or an ISO string. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** A timestamp as the API answers it (ISO 8601, UTC). */
export const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

export interface NewsTable {
  id: string;
  kind: NewsKind;
  title: string;
  body: string;
  audience_scope: 'all' | 'school' | 'service';
  audience_value: string | null;
  visible_from: Timestamp;
  visible_until: Timestamp | null;
  /** A `date`: the driver hands a Date (local midnight). */
  week: ColumnType<Date | string, string, string> | null;
  published_at: Timestamp;
  withdrawn_at: Timestamp | null;
}

export interface NewsReadsTable {
  account_id: string;
  news_id: string;
  read_at: Generated<Date>;
}

export interface RequestsTable {
  id: string;
  family_id: string;
  topic: RequestTopic;
  /** null once the family is forgotten. */
  subject: string | null;
  status: 'open' | 'closed';
  opened_by: RequestAuthor;
  opened_at: Timestamp;
  last_activity_at: Timestamp;
  last_author: RequestAuthor;
  closed_at: Timestamp | null;
  erased: Generated<boolean>;
}

export interface RequestMessagesTable {
  id: string;
  request_id: string;
  author: RequestAuthor;
  body: string | null;
  posted_at: Timestamp;
  position: ColumnType<string, number | string, number | string>;
  erased: Generated<boolean>;
}

export interface RequestAttachmentsTable {
  id: string;
  request_id: string;
  author: RequestAuthor;
  file_name: string | null;
  media_type: string;
  size: number;
  sha256: string;
  added_at: Timestamp;
  position: ColumnType<string, number | string, number | string>;
  erased: Generated<boolean>;
}

export type OutboxStatus = 'pending' | 'sent' | 'failed' | 'held';

export interface MailOutboxTable {
  id: string;
  to: string;
  template: string;
  subject: string;
  text: string;
  html: string;
  family_id: string | null;
  dedupe_key: string | null;
  status: OutboxStatus;
  attempts: Generated<number>;
  next_attempt_at: Generated<Date>;
  last_error: string | null;
  created_at: Generated<Date>;
  sent_at: Timestamp | null;
}

export interface AttachmentsTable {
  id: string;
  family_id: string;
  request_id: string;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  content: Buffer;
  created_at: Generated<Date>;
}
