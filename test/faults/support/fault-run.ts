import { randomBytes } from 'node:crypto';
import { startApi, type RunningApi } from '../../e2e/support/api-process.js';
import { OwnedPostgres } from './owned-postgres.js';
import { registerFamilies, schoolDays, setUpTown, signInAgent, waitUntilBookable, type Family } from './town.js';
import { WriteLoad } from './write-load.js';

/** `npm run test:faults -- --long` sets this: more faults, more load. */
export const LONG = process.env.ARDOISE_FAULTS_LONG === '1';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The environment of every Ardoise process the fault tests start. */
export const PROCESS_ENV = { SEED_DEMO: 'true', LOG_LEVEL: 'warn', DATABASE_POOL_SIZE: '10' };

export interface FaultWorld {
  postgres: OwnedPostgres;
  databaseUrl: string;
  /** The app database's name. */
  database: string;
  families: Family[];
  days: string[];
}

/** A PostgreSQL server of the test's own, a database on it, the demo town seeded by a first API process and the test's prestation. */
export async function startFaultWorld(options: {
  families: number;
  days: number;
  api?: (databaseUrl: string) => Promise<RunningApi>;
  /** More to tell when the set-up fails (e.g. another process's output). */
  onFailure?: () => string;
}): Promise<FaultWorld & { api: RunningApi }> {
  const postgres = await OwnedPostgres.start();
  const database = `ardoise_faults_${randomBytes(4).toString('hex')}`;
  const databaseUrl = await postgres.createDatabase(database);
  const api = await (options.api ?? ((url) => startApi({ databaseUrl: url, env: PROCESS_ENV, readyTimeoutMs: 90_000 })))(databaseUrl);
  try {
    const agent = await signInAgent(api.url);
    await setUpTown(agent);
    const families = await registerFamilies(agent, databaseUrl, options.families);
    const days = schoolDays(options.days);
    await waitUntilBookable(agent, families[0]!, days[0]!);
    return { postgres, databaseUrl, database, families, days, api };
  } catch (error) {
    const logs = api.logs();
    await api.stop();
    await postgres.destroy();
    throw new Error(`${(error as Error).message}\n--- API output ---\n${logs.slice(-3000)}\n${options.onFailure?.() ?? ''}`, { cause: error });
  }
}

export async function startLoad(world: FaultWorld, baseUrl: () => string, concurrency: number): Promise<WriteLoad> {
  const load = new WriteLoad(baseUrl, world.families, world.days);
  await load.signIn();
  load.start(concurrency);
  return load;
}

/** Resolves once `count` more commands have been acknowledged; throws after `timeoutMs`. */
export async function moreAcknowledged(load: WriteLoad, count: number, timeoutMs = 30_000): Promise<void> {
  const target = load.acknowledged + count;
  const started = Date.now();
  const deadline = started + timeoutMs;
  while (load.acknowledged < target) {
    if (Date.now() > deadline) {
      const answers = new Map<string, number>();
      for (const s of load.ledger.samples.filter((s) => s.startedAt >= started))
        answers.set(`${s.status} ${s.code ?? ''}`, (answers.get(`${s.status} ${s.code ?? ''}`) ?? 0) + 1);
      throw new Error(
        `writes did not resume: ${load.acknowledged} acknowledged, expected ${target} within ${timeoutMs} ms; answers meanwhile: ${JSON.stringify([...answers])}`,
      );
    }
    await sleep(50);
  }
}
