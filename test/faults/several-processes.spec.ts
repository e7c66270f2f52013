import { startApi, type RunningApi } from '../e2e/support/api-process.js';
import { checkLog, verifyAll, waitForCaughtUp } from './support/consistency.js';
import { LONG, PROCESS_ENV, startFaultWorld, type FaultWorld } from './support/fault-run.js';
import { CAPACITY } from './support/town.js';
import { startWorker, type RunningWorker } from './support/worker-process.js';
import { WriteLoad } from './support/write-load.js';

/**
 * The scale-out shape on one PostgreSQL: two API processes (ARDOISE_ROLE=api) and one
 * projection worker. An opening rush split across both APIs: no day overbooked, every
 * basket line decided exactly once, the read models equal the log's replay.
 */
let world: FaultWorld;
const apis: RunningApi[] = [];
let worker: RunningWorker | undefined;

beforeAll(async () => {
  ({ api: apis[0], ...world } = await startFaultWorld({
    onFailure: () => `--- worker output ---\n${worker?.logs() ?? ''}`,
    families: LONG ? 150 : 30,
    days: LONG ? 5 : 3,
    api: async (databaseUrl) => {
      // The first API migrates the new database; the worker starts on it then.
      const api = await startApi({ databaseUrl, env: { ...PROCESS_ENV, ARDOISE_ROLE: 'api' }, readyTimeoutMs: 90_000 });
      worker = startWorker(databaseUrl, { LOG_LEVEL: 'warn', DATABASE_POOL_SIZE: '10' });
      return api;
    },
  }));
  apis.push(await startApi({ databaseUrl: world.databaseUrl, env: { ...PROCESS_ENV, ARDOISE_ROLE: 'api', SEED_DEMO: 'false' }, readyTimeoutMs: 90_000 }));
}, 240_000);

afterAll(async () => {
  await Promise.all(apis.map((api) => api.stop()));
  await worker?.stop();
  await world?.postgres.destroy();
}, 60_000);

it(
  'a rush split across two API processes with one worker: 0 overbooked, 0 lost, nothing decided twice',
  async () => {
    let turn = 0;
    const load = new WriteLoad(() => apis[turn++ % apis.length]!.url, world.families, world.days, { registrationShare: 0, pauseMs: 0 });
    await load.signIn();
    load.start(LONG ? 32 : 12);
    const ledger = await load.finished();

    const report = await checkLog(world.databaseUrl, ledger);
    expect({ ...report, details: report.details.slice(0, 10) }).toMatchObject({ lost: 0, twice: 0, overbooked: 0, mismatched: 0, details: [] });
    // Every (child, day) asked for got its decision (the first one was booked while setting up). A
    // basket validation answers for every line in the basket, so one decision may be reported twice.
    const decided = new Map(ledger.decisions.map((d) => [d.reservationId, d.outcome]));
    expect(ledger.abandoned).toBe(0);
    expect(decided.size).toBe(load.slotCount - 1);
    expect([...decided.values()].filter((outcome) => outcome === 'validated')).toHaveLength(world.days.length * CAPACITY - 1);
    for (const api of apis) expect(api.exit()).toBeUndefined();

    await waitForCaughtUp(apis[1]!.url);
    await verifyAll(world.databaseUrl);
  },
  LONG ? 900_000 : 240_000,
);
