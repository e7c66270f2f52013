// Jest global setup (plain ESM: jest loads it outside its module system, where the
// `.js`→`.ts` mapping does not apply; Node >= 22.18 strips the types of the .ts import).
//
// Every integration-like suite runs against a real PostgreSQL server: the one in
// DATABASE_URL when set, otherwise an embedded one started here for the run.
// Each test file then creates its own database (test/support/test-database.ts).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../libs/database/src/embedded-postgres.ts';

export default async function globalSetup() {
  if (process.env.DATABASE_URL) {
    process.env.ARDOISE_TEST_SERVER_URL = process.env.DATABASE_URL;
    return;
  }
  const dataDir = join(mkdtempSync(join(tmpdir(), 'ardoise-test-pg-')), 'data');
  const port = 55000 + Math.floor(Math.random() * 4000);
  // Each test app holds a pool, lock sessions and listeners: room for a few at once.
  globalThis.__ardoisePostgres = await startEmbeddedPostgres({ dataDir, port, persistent: false, settings: { max_connections: '400' } });
  process.env.ARDOISE_TEST_SERVER_URL = globalThis.__ardoisePostgres.url;
}
