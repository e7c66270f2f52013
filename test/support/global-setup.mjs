// Jest global setup (plain ESM: jest loads it outside its module system, where the
// `.js`→`.ts` mapping does not apply; Node >= 22.18 strips the types of the .ts import).
//
// Every integration-like suite runs against a real PostgreSQL server: the one in
// DATABASE_URL when set, otherwise an embedded one started here for the run.
// Each test file then creates its own database (test/support/test-database.ts).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startThrowAwayPostgres } from '../../libs/database/src/embedded-postgres.ts';

export default async function globalSetup() {
  if (process.env.DATABASE_URL) {
    process.env.ARDOISE_TEST_SERVER_URL = process.env.DATABASE_URL;
    return;
  }
  const root = mkdtempSync(join(tmpdir(), 'ardoise-test-pg-'));
  // Each test app holds a pool, lock sessions and listeners: room for a few at once.
  globalThis.__ardoisePostgres = await startThrowAwayPostgres({
    dataDir: (attempt) => join(root, `data-${attempt}`),
    settings: { max_connections: '400' },
  });
  process.env.ARDOISE_TEST_SERVER_URL = globalThis.__ardoisePostgres.url;
}
