import { sql } from 'kysely';
import type { Migrations } from '#ardoise/database';

/**
 * The engine's own tables:
 * - `projection_generations`: one row per generation of a projection's read model
 *   (blue/green), with its checkpoint, written in the same transaction as the read model;
 * - `projection_runners`: the active runner's heartbeat and last error per projection.
 */
export const projectionMigrations: Migrations = {
  'projections/0001-generations-and-runners': {
    async up(db) {
      await db.schema
        .createTable('projection_generations')
        .addColumn('projection', 'text', (c) => c.notNull())
        .addColumn('generation', 'integer', (c) => c.notNull().check(sql`generation > 0`))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('building', 'active', 'retired')`))
        .addColumn('tables', sql`text[]`, (c) => c.notNull())
        // Encoded store position of the last applied event (EventStore.positions); null = start.
        .addColumn('position', 'text')
        .addColumn('events_applied', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('started_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('activated_at', 'timestamptz')
        .addColumn('retired_at', 'timestamptz')
        .addPrimaryKeyConstraint('projection_generations_pk', ['projection', 'generation'])
        .execute();
      await sql`CREATE UNIQUE INDEX projection_generations_one_active ON projection_generations (projection) WHERE status = 'active'`.execute(db);
      await sql`CREATE UNIQUE INDEX projection_generations_one_building ON projection_generations (projection) WHERE status = 'building'`.execute(db);

      await db.schema
        .createTable('projection_runners')
        .addColumn('projection', 'text', (c) => c.primaryKey())
        .addColumn('runner_id', 'text', (c) => c.notNull())
        .addColumn('leader_since', 'timestamptz', (c) => c.notNull())
        .addColumn('heartbeat_at', 'timestamptz', (c) => c.notNull())
        // No personal data: event id, type, stream and the error's name/message only.
        .addColumn('last_error', 'text')
        .addColumn('last_error_at', 'timestamptz')
        .execute();
    },
    async down(db) {
      await db.schema.dropTable('projection_runners').execute();
      await db.schema.dropTable('projection_generations').execute();
    },
  },
  'projections/0002-runner-error-event': {
    async up(db) {
      // The event a failing projection stalls on: id, type, stream, position (never its data).
      await sql`ALTER TABLE projection_runners ADD COLUMN last_error_event jsonb`.execute(db);
    },
    async down(db) {
      await sql`ALTER TABLE projection_runners DROP COLUMN last_error_event`.execute(db);
    },
  },
};
