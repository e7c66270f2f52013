import { sql } from 'kysely';
import type { Migrations } from '#ardoise/database';

/**
 * Operational state of the finance office that is not a fact of its own: the progress of
 * billing runs (the facts are the invoices they issue) and the files produced for the bank
 * and the public accountant (kept to download them again; their effects are events).
 */
export const invoicingMigrations: Migrations = {
  'invoicing/0001-billing-runs-and-files': {
    async up(db) {
      await sql`
        CREATE TABLE invoicing_billing_runs (
          run_id        uuid PRIMARY KEY,
          period        text NOT NULL,
          trigger       text NOT NULL CHECK (trigger IN ('finance', 'schedule', 'cli')),
          status        text NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
          total         integer NOT NULL DEFAULT 0,
          done          integer NOT NULL DEFAULT 0,
          issued        integer NOT NULL DEFAULT 0,
          skipped       integer NOT NULL DEFAULT 0,
          failed        integer NOT NULL DEFAULT 0,
          amount_cents  bigint NOT NULL DEFAULT 0,
          errors        jsonb NOT NULL DEFAULT '[]',
          requested_by  text NOT NULL,
          started_at    timestamptz NOT NULL,
          updated_at    timestamptz NOT NULL,
          finished_at   timestamptz
        )`.execute(db);
      await sql`CREATE INDEX invoicing_billing_runs_period_idx ON invoicing_billing_runs (period, started_at DESC)`.execute(db);
      await sql`
        CREATE TABLE invoicing_files (
          file_id     uuid PRIMARY KEY,
          kind        text NOT NULL CHECK (kind IN ('sepa_collection', 'collection_titles')),
          file_name   text NOT NULL,
          media_type  text NOT NULL,
          content     text NOT NULL,
          summary     jsonb NOT NULL,
          created_by  text NOT NULL,
          created_at  timestamptz NOT NULL
        )`.execute(db);
    },
  },
  'invoicing/0002-payfip-operation-index': {
    async up(db) {
      // PayFIP notifies with the operation id only: which invoice it is must be known at
      // once, before any projection catches up.
      await sql`
        CREATE TABLE invoicing_payfip_index (
          operation_id text PRIMARY KEY,
          invoice_id   uuid NOT NULL,
          created_at   timestamptz NOT NULL
        )`.execute(db);
    },
  },
  'invoicing/0003-payfip-repair-runs': {
    async up(db) {
      // Each run of the PayFIP repair job (every minute, or asked by finance): what the
      // payments page shows as « dernier passage ». Pruned after 7 days by the job itself.
      await sql`
        CREATE TABLE invoicing_payfip_repair_runs (
          run_id      uuid PRIMARY KEY,
          trigger     text NOT NULL CHECK (trigger IN ('schedule', 'finance')),
          started_at  timestamptz NOT NULL,
          finished_at timestamptz NOT NULL,
          checked     integer NOT NULL,
          settled     integer NOT NULL,
          error       text
        )`.execute(db);
      await sql`CREATE INDEX invoicing_payfip_repair_runs_started_idx ON invoicing_payfip_repair_runs (started_at DESC)`.execute(db);
    },
  },
};
