import pg from 'pg';
import { sleep } from '#ardoise/kernel';

/** The URL of database `name` on the server of `serverUrl`. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function onServer<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const checkName = (name: string) => {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Invalid database name ${name}`);
  return name;
};

/** Creates database `name` (which must not exist) and returns its URL. */
export async function createDatabase(serverUrl: string, name: string): Promise<string> {
  await onServer(serverUrl, (client) => client.query(`CREATE DATABASE ${checkName(name)}`));
  return databaseUrl(serverUrl, name);
}

/** Creates database `name` unless it exists; returns its URL. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  await onServer(serverUrl, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${checkName(name)}`);
  });
  return databaseUrl(serverUrl, name);
}

/** How long a drop waits for the database's sessions to close by themselves before ending them. */
const SESSIONS_CLOSING_MS = 1_000;

/**
 * Drops database `name`, ending its sessions. A pool's `end()` resolves once it has asked its
 * connections to close, before the server has closed them: ended by FORCE in between, such a
 * connection reports « terminating connection due to administrator command » to a pool that
 * has gone (an unhandled 'error', or a « connection lost » line after a benchmark's figures).
 * So the sessions are given a moment to close by themselves; FORCE ends those left open.
 */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await onServer(serverUrl, async (client) => {
    const deadline = Date.now() + SESSIONS_CLOSING_MS;
    for (;;) {
      const { rows } = await client.query<{ open: number }>('SELECT count(*)::int AS open FROM pg_stat_activity WHERE datname = $1', [name]);
      if (rows[0]!.open === 0 || Date.now() >= deadline) break;
      await sleep(10);
    }
    await client.query(`DROP DATABASE IF EXISTS ${checkName(name)} WITH (FORCE)`);
  });
}
