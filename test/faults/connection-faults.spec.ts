import { startApi, type RunningApi } from '../e2e/support/api-process.js';
import { checkLog, verifyAll, waitForCaughtUp } from './support/consistency.js';
import { LONG, moreAcknowledged, PROCESS_ENV, sleep, startFaultWorld, startLoad, type FaultWorld } from './support/fault-run.js';
import type { Sample, WriteLoad } from './support/write-load.js';

/**
 * The database goes away under a steady write load — its sessions killed, the whole
 * server frozen, the server stopped and started again — and the API process lives
 * through it: it answers 503 problem+json quickly while the database is gone, says so on
 * /health, and takes writes again by itself when the database is back. Then the API
 * itself is killed (-9) at random moments and restarted, as in a power cut. Afterwards the
 * log holds every acknowledged command exactly once, no day is overbooked and the read
 * models equal the log's replay. (One file, one load: the checks at the end cover them all.)
 */
let world: FaultWorld;
let api: RunningApi;
let load: WriteLoad;
let pid: number;

beforeAll(async () => {
  ({ api, ...world } = await startFaultWorld({ families: LONG ? 120 : 30, days: LONG ? 10 : 3 }));
  pid = api.pid;
  load = await startLoad(world, () => api.url, LONG ? 8 : 4);
  await moreAcknowledged(load, 10);
}, 180_000);

afterAll(async () => {
  await load?.stop({ retry: false });
  await api?.stop();
  await world?.postgres.destroy();
}, 60_000);

function expectSameProcess(): void {
  if (api.exit()) throw new Error(`the API process died (${JSON.stringify(api.exit())}):\n${api.logs()}`);
  expect(api.pid).toBe(pid);
}

/** GET /health while the database is away: how long it took and what it said. */
async function health(): Promise<{ ms: number; status: number; body: { status?: string } }> {
  const started = Date.now();
  const response = await fetch(`${api.url}/api/v1/health`, { signal: AbortSignal.timeout(20_000) });
  return { ms: Date.now() - started, status: response.status, body: (await response.json()) as { status?: string } };
}

const startedWithin = (samples: Sample[], from: number, to: number) => samples.filter((s) => s.startedAt >= from && s.startedAt <= to);

it('the app’s PostgreSQL sessions are terminated five times during writes: the process stays up and writes resume', async () => {
  for (let round = 0; round < (LONG ? 20 : 5); round++) {
    await moreAcknowledged(load, 3);
    expect(await world.postgres.terminateBackends(world.database)).toBeGreaterThan(0);
    await sleep(300);
    expectSameProcess();
  }
  await moreAcknowledged(load, 10);
  expectSameProcess();
}, 180_000);

it('PostgreSQL frozen for 10 s (SIGSTOP): requests fail fast with 503 problem+json, /health says down, everything resumes', async () => {
  for (let round = 0; round < (LONG ? 3 : 1); round++) {
    await moreAcknowledged(load, 5);
    const frozenAt = Date.now();
    const freeze = world.postgres.freeze(10_000);
    await sleep(4_000);
    const during = await health();
    await freeze;
    const thawedAt = Date.now();

    expect(during.status).toBe(503);
    expect(during.body.status).toBe('down');
    expect(during.ms).toBeLessThan(3_500);
    // Commands sent once the outage was noticed got their answer quickly: a 503 problem+json with Retry-After.
    const sent = startedWithin(load.ledger.samples, frozenAt + 4_000, thawedAt - 1_000);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.filter((s) => s.status !== 503)).toEqual([]);
    expect(sent.every((s) => s.problemJson && s.retryAfter !== null)).toBe(true);
    expect(Math.max(...sent.map((s) => s.ms))).toBeLessThan(1_000);
    // No request waited for the whole outage: those caught in flight by the freeze fail within the
    // statement bound (5 s) plus, at worst, one connection attempt (2 s).
    expect(Math.max(...startedWithin(load.ledger.samples, frozenAt, thawedAt).map((s) => s.ms))).toBeLessThan(8_000);

    await moreAcknowledged(load, 10);
    expectSameProcess();
  }
}, 180_000);

it('PostgreSQL stopped (fast shutdown) and started again: 503 while it is down, then writes resume by themselves', async () => {
  for (let round = 0; round < (LONG ? 3 : 1); round++) {
    await moreAcknowledged(load, 5);
    await world.postgres.stop();
    const stoppedAt = Date.now();
    await sleep(3_000);
    const during = await health();
    await world.postgres.restart();
    const restartedAt = Date.now();

    expect(during.status).toBe(503);
    expect(during.body.status).toBe('down');
    expect(during.ms).toBeLessThan(3_500);
    const sent = startedWithin(load.ledger.samples, stoppedAt + 500, restartedAt - 500);
    expect(sent.filter((s) => s.status !== 503)).toEqual([]);
    expect(Math.max(...sent.map((s) => s.ms))).toBeLessThan(3_000);

    await moreAcknowledged(load, 10, 60_000);
    expectSameProcess();
  }
}, 180_000);

it(
  `the API killed (-9) at ${LONG ? 20 : 3} random moments under writes, restarted each time: writes resume`,
  async () => {
    for (let crash = 0; crash < (LONG ? 20 : 3); crash++) {
      await moreAcknowledged(load, 3, 60_000);
      await sleep(Math.random() * 1_500); // anywhere in a command: before, during or after its append
      await api.crash();
      api = await startApi({ databaseUrl: world.databaseUrl, env: PROCESS_ENV, readyTimeoutMs: 90_000 });
    }
    await moreAcknowledged(load, 5, 60_000);
  },
  LONG ? 1_200_000 : 180_000,
);

it('afterwards every acknowledged command is in the log once, no day is overbooked, and verify and verify --chain pass', async () => {
  const ledger = await load.stop();
  const report = await checkLog(world.databaseUrl, ledger);
  expect(report.acknowledged).toBeGreaterThan(50);
  expect({ ...report, details: report.details.slice(0, 10) }).toMatchObject({ lost: 0, twice: 0, overbooked: 0, mismatched: 0, details: [] });
  await waitForCaughtUp(api.url);
  await verifyAll(world.databaseUrl);
}, 240_000);
