import { sql } from 'kysely';
import type { Migrations } from '#ardoise/database';

/**
 * - `audit_anchors`: the running hash over `$all` every N events (chain/anchor-hash.ts).
 *   Written once, never rebuilt: it is evidence about the log, not a read model.
 * - `audit_jobs`: rebuilds and verifications started through the API, with their progress
 *   (any API process can answer a poll) and their result.
 * - `audit_report_keys`: the instance's Ed25519 key that signs verification reports
 *   (report/report-signer.ts). Never rebuilt; losing it only means new reports carry a new key.
 */
export const auditMigrations: Migrations = {
  'audit/0001-anchors-and-jobs': {
    async up(db) {
      await db.schema
        .createTable('audit_anchors')
        .addColumn('sequence', 'integer', (c) => c.primaryKey().check(sql`sequence > 0`))
        .addColumn('event_count', 'bigint', (c) => c.notNull().unique())
        .addColumn('position', 'text', (c) => c.notNull())
        .addColumn('last_event_id', 'uuid', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema
        .createTable('audit_jobs')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('running', 'succeeded', 'failed')`))
        .addColumn('parameters', 'jsonb', (c) => c.notNull())
        .addColumn('progress', 'jsonb')
        .addColumn('result', 'jsonb')
        // No personal data: the error's code and message only.
        .addColumn('error', 'text')
        .addColumn('started_by', 'text', (c) => c.notNull())
        .addColumn('started_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('finished_at', 'timestamptz')
        .execute();
      await sql`CREATE INDEX audit_jobs_started_at_idx ON audit_jobs (started_at DESC)`.execute(db);
    },
    async down(db) {
      await db.schema.dropTable('audit_jobs').execute();
      await db.schema.dropTable('audit_anchors').execute();
    },
  },
  'audit/0002-report-signing-key': {
    async up(db) {
      await db.schema
        .createTable('audit_report_keys')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('private_key', 'text', (c) => c.notNull())
        .addColumn('public_key', 'text', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
    },
    async down(db) {
      await db.schema.dropTable('audit_report_keys').execute();
    },
  },
};
