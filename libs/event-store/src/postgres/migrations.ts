import { sql, type Kysely } from 'kysely';
import type { Migrations } from '#ardoise/database';

/**
 * Schema of the PostgreSQL event store. Run with `runMigrations(db, eventStoreMigrations)`.
 *
 * - `events`: the append-only log. (transaction_id, global_position) is the global order
 *   (see read-all.ts); (stream_id, revision) the stream order; event_id the idempotency key.
 *   A trigger refuses UPDATE and DELETE: the log is never rewritten (tamper evidence is in
 *   `hash` / `previous_hash`, computed by event-hash.ts).
 * - No separate `streams` table: the unique (stream_id, revision) index is the optimistic
 *   concurrency check and gives a stream's head in one index probe (see append.ts).
 */
export const eventStoreMigrations: Migrations = {
  'event-store/0001-events': {
    async up(db: Kysely<any>) {
      await sql`
        CREATE TABLE events (
          global_position bigserial PRIMARY KEY,
          transaction_id  xid8 NOT NULL DEFAULT pg_current_xact_id(),
          stream_id       text NOT NULL,
          revision        bigint NOT NULL CHECK (revision >= 0),
          event_id        uuid NOT NULL,
          type            text NOT NULL,
          data            jsonb NOT NULL,
          metadata        jsonb NOT NULL,
          hash            text NOT NULL,
          previous_hash   text NOT NULL,
          recorded_at     timestamptz NOT NULL DEFAULT now(),
          CONSTRAINT events_stream_revision_key UNIQUE (stream_id, revision),
          CONSTRAINT events_event_id_key UNIQUE (event_id)
        )`.execute(db);
      await sql`CREATE INDEX events_global_order_idx ON events (transaction_id, global_position)`.execute(db);
      await sql`
        CREATE FUNCTION events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'the events table is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
        END $$`.execute(db);
      await sql`
        CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
        FOR EACH ROW EXECUTE FUNCTION events_are_append_only()`.execute(db);
    },
    async down(db: Kysely<any>) {
      await sql`DROP TABLE events`.execute(db);
      await sql`DROP FUNCTION events_are_append_only()`.execute(db);
    },
  },
  'event-store/0002-recorded-at-index': {
    async up(db: Kysely<any>) {
      // Periods of the log by recorded time (the auditors' event browser): no scan from the start.
      await sql`CREATE INDEX events_recorded_at_idx ON events (recorded_at)`.execute(db);
    },
    async down(db: Kysely<any>) {
      await sql`DROP INDEX events_recorded_at_idx`.execute(db);
    },
  },
};
