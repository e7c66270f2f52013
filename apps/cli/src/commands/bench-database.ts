import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, dropDatabase, ensureDatabase, startThrowAwayPostgres } from '#ardoise/database';

/**
 * A fresh database for a benchmark: on the server in DATABASE_URL when set, otherwise on a
 * throw-away embedded PostgreSQL. Dropped (or the server stopped) by `release()`.
 */
export async function benchDatabase(): Promise<{ url: string; release(): Promise<void> }> {
  const name = `ardoise_bench_${Date.now()}`;
  const embedded = process.env.DATABASE_URL
    ? undefined
    : await startThrowAwayPostgres({ dataDir: (attempt) => join(mkdtempSync(join(tmpdir(), 'ardoise-bench-')), `data-${attempt}`) });
  const serverUrl = process.env.DATABASE_URL ?? embedded!.url;
  const url = await createDatabase(serverUrl, name);
  return {
    url,
    release: () => (embedded ? embedded.stop() : dropDatabase(serverUrl, name)),
  };
}

/**
 * The database at `url`, created when missing and kept afterwards (`release()` does
 * nothing): a benchmark measured again on the log a previous run left there.
 */
export async function keptDatabase(url: string): Promise<{ url: string; release(): Promise<void> }> {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.slice(1));
  parsed.pathname = '/postgres';
  await ensureDatabase(parsed.toString(), name);
  return { url, release: async () => undefined };
}
