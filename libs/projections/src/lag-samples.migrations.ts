import { sql } from 'kysely';
import type { Migrations } from '#ardoise/database';

/**
 * `projection_lag_samples`: each projection's lag every LAG_SAMPLE_SECONDS over the last hour
 * (admins' health page). One row per slot and projection, whichever process sampled it first.
 */
export const lagSamplesMigrations: Migrations = {
  'health/0001-projection-lag-samples': {
    async up(db) {
      await sql`
        CREATE TABLE projection_lag_samples (
          slot         timestamptz NOT NULL,
          projection   text NOT NULL,
          lag_events   bigint NOT NULL,
          lag_seconds  double precision NOT NULL,
          status       text NOT NULL,
          PRIMARY KEY (slot, projection)
        )`.execute(db);
    },
    async down(db) {
      await sql`DROP TABLE projection_lag_samples`.execute(db);
    },
  },
};
