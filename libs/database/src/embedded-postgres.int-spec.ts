import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, startThrowAwayPostgres } from './embedded-postgres.js';

// A test run starts its own server (test/support/global-setup.mjs); CI once failed with
// « reason: undefined » when that start failed: the error must say why, and a taken port
// must not end the run.
describe('embedded PostgreSQL start', () => {
  let taken: Server;
  let port: number;
  beforeAll(async () => {
    taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', () => resolve()));
    port = (taken.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => taken.close(() => resolve())));

  it("says why the server did not start, from the server's own words", async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'ardoise-pg-start-')), 'data');
    const failure = startEmbeddedPostgres({ dataDir, port, persistent: false });
    await expect(failure).rejects.toThrow(/did not start on port \d+:[\s\S]*Address already in use/);
  }, 60_000);

  it('a throw-away server starts on a free port and answers', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ardoise-pg-start-'));
    const server = await startThrowAwayPostgres({ dataDir: (attempt) => join(root, `data-${attempt}`) });
    try {
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      const { rows } = await client.query<{ one: number }>('select 1 as one');
      await client.end();
      expect(rows[0]?.one).toBe(1);
    } finally {
      await server.stop();
    }
  }, 60_000);
});
