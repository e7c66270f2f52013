import pg from 'pg';
import { DEMO_STAFF } from '#ardoise/identity';
import { computeEventHash } from '#ardoise/event-store';
import { HttpClient } from '../api/support/http-client.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { startApi, type RunningApi } from './support/api-process.js';

/**
 * Nothing acknowledged is lost: the API process is killed (-9) in the middle of a burst of
 * writes, restarted, and everything it had answered 201 to is there, with its event, the
 * hash chains intact, and the read models caught up.
 */
let database: TestDatabase;
let api: RunningApi | undefined;
let sql: pg.Client;

beforeAll(async () => {
  database = await createTestDatabase();
  sql = new pg.Client({ connectionString: database.url });
  await sql.connect();
});
afterAll(async () => {
  await api?.stop();
  await sql?.end();
  await database?.drop();
});

async function signInAdmin(url: string): Promise<HttpClient> {
  const admin = new HttpClient(url);
  const { email, password } = DEMO_STAFF.find((s) => s.role === 'admin')!;
  expect((await admin.post('/auth/login', { email, password })).status).toBe(200);
  return admin;
}

it('a kill -9 during a burst of writes loses nothing acknowledged and leaves log and read models consistent', async () => {
  api = await startApi({ databaseUrl: database.url, env: { SEED_DEMO: 'true', LOG_LEVEL: 'warn' } });
  const admin = await signInAdmin(api.url);

  const acknowledged: string[] = [];
  const attempts = Array.from({ length: 60 }, (_, i) => `crash.${i}@demo.ardoise.fr`);
  const burst = attempts.map(async (email, i) => {
    await new Promise((resolve) => setTimeout(resolve, i * 20));
    const password = 'Crash-Test-2026!';
    try {
      const response = await admin.post('/staff-accounts', { email, displayName: `Agent ${i}`, role: 'agent', password, passwordConfirmation: password });
      if (response.status === 201) acknowledged.push(email);
    } catch {
      // the connection died with the process: not acknowledged
    }
  });
  while (acknowledged.length < 5) await new Promise((resolve) => setTimeout(resolve, 5));
  await api.crash();
  await Promise.all(burst);
  expect(acknowledged.length).toBeGreaterThan(0);
  expect(acknowledged.length).toBeLessThan(attempts.length);

  api = await startApi({ databaseUrl: database.url, env: { SEED_DEMO: 'true', LOG_LEVEL: 'warn' } });

  // Every acknowledged account is there, and every account has its AccountCreated event.
  const { rows: accounts } = await sql.query<{ id: string; email: string }>('SELECT id, email FROM accounts');
  const emails = new Set(accounts.map((a) => a.email));
  for (const email of acknowledged) expect(emails.has(email)).toBe(true);
  const { rows: orphans } = await sql.query(
    `SELECT a.id FROM accounts a WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.stream_id = 'account-' || a.id AND e.type = 'AccountCreated')`,
  );
  expect(orphans).toEqual([]);

  // Each stream's hash chain recomputes from its first event.
  const { rows: events } = await sql.query('SELECT stream_id, revision, type, data, metadata, hash, previous_hash FROM events ORDER BY stream_id, revision');
  const previous = new Map<string, string>();
  for (const e of events) {
    const expectedPrevious = previous.get(e.stream_id) ?? '';
    expect(e.previous_hash).toBe(expectedPrevious);
    expect(computeEventHash(expectedPrevious, { streamId: e.stream_id, revision: BigInt(e.revision), type: e.type, data: e.data, metadata: e.metadata })).toBe(
      e.hash,
    );
    previous.set(e.stream_id, e.hash);
  }

  // The read models catch up: health reports no lag, the catalogue matches its events.
  const deadline = Date.now() + 120_000; // a restart's catch-up on a loaded runner: a bound for a hang
  let caughtUp = false;
  while (!caughtUp && Date.now() < deadline) {
    const health = (await (await fetch(`${api.url}/api/v1/health`)).json()) as { projections: { lagEvents: number }[] };
    caughtUp = health.projections.length > 0 && health.projections.every((p) => p.lagEvents === 0);
    if (!caughtUp) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  expect(caughtUp).toBe(true);
  const { rows: defined } = await sql.query(`SELECT count(*)::int AS n FROM events WHERE type = 'ServiceDefined'`);
  const { rows: listed } = await sql.query('SELECT count(*)::int AS n FROM catalogue_services');
  expect(listed[0].n).toBe(defined[0].n);

  // And the restarted API takes writes again.
  const again = await signInAdmin(api.url);
  const password = 'After-Crash-2026!';
  expect(
    (await again.post('/staff-accounts', { email: 'apres@demo.ardoise.fr', displayName: 'Après', role: 'agent', password, passwordConfirmation: password }))
      .status,
  ).toBe(201);
}, 300_000);
