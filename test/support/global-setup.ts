import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres, type RunningPostgres } from '../../libs/database/src/embedded-postgres.js';

/**
 * Every integration-like suite runs against a real PostgreSQL server: the one in
 * DATABASE_URL when set, otherwise an embedded one started here for the run.
 * Each test file then creates its own database (test/support/test-database.ts).
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    process.env.ARDOISE_TEST_SERVER_URL = process.env.DATABASE_URL;
    return;
  }
  const dataDir = join(mkdtempSync(join(tmpdir(), 'ardoise-test-pg-')), 'data');
  const port = 55000 + Math.floor(Math.random() * 4000);
  const server: RunningPostgres = await startEmbeddedPostgres({ dataDir, port, persistent: false });
  (globalThis as { __ardoisePostgres?: RunningPostgres }).__ardoisePostgres = server;
  process.env.ARDOISE_TEST_SERVER_URL = server.url;
}
