import { sql } from 'kysely';
import type { Migrations } from '#ardoise/database';

/**
 * The outbox and the attachment blobs live outside the event log: an e-mail is an effect of
 * an event (not a fact of its own), and a file's bytes are too big and too personal to be
 * copied into every replica of the log (the event carries the file's hash).
 */
export const messagingMigrations: Migrations = {
  'messaging/0001-mail-outbox': {
    async up(db) {
      await sql`
        CREATE TABLE mail_outbox (
          id               uuid PRIMARY KEY,
          "to"             text NOT NULL,
          template         text NOT NULL,
          subject          text NOT NULL,
          text             text NOT NULL,
          html             text NOT NULL,
          family_id        uuid,
          dedupe_key       text UNIQUE,
          status           text NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'held')),
          attempts         integer NOT NULL DEFAULT 0,
          next_attempt_at  timestamptz NOT NULL DEFAULT now(),
          last_error       text,
          created_at       timestamptz NOT NULL DEFAULT now(),
          sent_at          timestamptz
        )`.execute(db);
      await sql`CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE status = 'pending'`.execute(db);
      await sql`CREATE INDEX mail_outbox_created_idx ON mail_outbox (created_at DESC, id)`.execute(db);
      await sql`CREATE INDEX mail_outbox_to_idx ON mail_outbox (lower("to"))`.execute(db);
      await sql`CREATE INDEX mail_outbox_family_idx ON mail_outbox (family_id)`.execute(db);
    },
  },
  'messaging/0002-attachments-news-reads': {
    async up(db) {
      await sql`
        CREATE TABLE attachments (
          id          uuid PRIMARY KEY,
          family_id   uuid NOT NULL,
          request_id  uuid NOT NULL,
          file_name   text NOT NULL,
          media_type  text NOT NULL,
          size        integer NOT NULL CHECK (size > 0),
          sha256      text NOT NULL,
          content     bytea NOT NULL,
          created_at  timestamptz NOT NULL DEFAULT now()
        )`.execute(db);
      await sql`CREATE INDEX attachments_request_idx ON attachments (request_id)`.execute(db);
      await sql`CREATE INDEX attachments_family_idx ON attachments (family_id)`.execute(db);
      // Which news an account has read: a per-person marker, not a fact of the town's log.
      await sql`
        CREATE TABLE news_reads (
          account_id  uuid NOT NULL,
          news_id     uuid NOT NULL,
          read_at     timestamptz NOT NULL DEFAULT now(),
          PRIMARY KEY (account_id, news_id)
        )`.execute(db);
    },
  },
};
