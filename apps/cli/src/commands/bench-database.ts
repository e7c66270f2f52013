import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '#ardoise/database';

/**
 * A fresh database for a benchmark: on the server in DATABASE_URL when set, otherwise on a
 * throw-away embedded PostgreSQL. Dropped (or the server stopped) by `release()`.
 */
export async function benchDatabase(): Promise<{ url: string; release(): Promise<void> }> {
  const name = `ardoise_bench_${Date.now()}`;
  const embedded = process.env.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({
        dataDir: join(mkdtempSync(join(tmpdir(), 'ardoise-bench-')), 'data'),
        port: 56000 + Math.floor(Math.random() * 3000),
        persistent: false,
      });
  const serverUrl = process.env.DATABASE_URL ?? embedded!.url;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async release() {
      if (embedded) return embedded.stop();
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
