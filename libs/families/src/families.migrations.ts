import { sql } from 'kysely';
import type { Migrations } from '#ardoise/database';

/**
 * The per-family keys that seal personal data in events. Never in the event log, never
 * exported: deleting a row is the family's erasure (RGPD art. 17).
 */
export const familiesMigrations: Migrations = {
  'families/0001-family-keys': {
    async up(db) {
      await sql`
        CREATE TABLE family_keys (
          family_id   uuid PRIMARY KEY,
          key         bytea NOT NULL CHECK (length(key) = 32),
          created_at  timestamptz NOT NULL DEFAULT now()
        )`.execute(db);
    },
  },
};
