import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { CommandBus } from '@nestjs/cqrs';
import { DefineService, SetBookingRules } from '#ardoise/catalogue';
import { FixedClock, runInContext, systemContext } from '#ardoise/commands';
import { RegisterFamily } from '#ardoise/families';
import { DEMO_STAFF } from '#ardoise/identity';
import { createLogger, loadConfig, startInfrastructure } from '#ardoise/runtime';
import { createApp } from '#ardoise/api';
import { ALL_MIGRATIONS, seedDemoTown } from '#ardoise/composition';

/**
 * `ardoise bench rush`: the opening of a holiday week. N families (default 2,000) each put
 * 5 days in their basket and validate it, against a 300-place week, through the real HTTP
 * API (an agent session acting for each family), as fast as the API allows. Then checks
 * the event log: overbooked (validations beyond 300 on a day) and lost (lines without a
 * decision, or failed requests) must both be 0. In the same run, the raw baseline: the
 * same number of single-row INSERTs through `pg`, at the same concurrency.
 */
export const DAYS = ['2027-02-15', '2027-02-16', '2027-02-17', '2027-02-18', '2027-02-19'];
export const CAPACITY = 300;

/** The town on the morning after the opening, its API listening, and the 300-place RUSH week open for booking. */
export async function openRushTown(databaseUrl: string) {
  const clock = new FixedClock(new Date('2027-01-11T08:00:00Z')); // the morning after the opening
  // the password checks' settings as the operator sets them (PASSWORD_HASH_*), to measure them
  const hashing = Object.fromEntries(Object.entries(process.env).filter(([name]) => name.startsWith('PASSWORD_HASH_')));
  const config = loadConfig({ ...hashing, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', PORT: '0', DATABASE_POOL_SIZE: '40' });
  const logger = createLogger(config.LOG_LEVEL);
  const infrastructure = await startInfrastructure(config, logger, ALL_MIGRATIONS);
  const app = await createApp(infrastructure, logger, { clock });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/v1`;
  const close = async () => {
    await app.close();
    await infrastructure.stop();
  };
  try {
    await seedDemoTown(app, { info: () => undefined } as never);
    const commands = app.get(CommandBus);
    await runInContext(systemContext({ userId: 'bench', role: 'system' }), async () => {
      await commands.execute(
        new DefineService({ code: 'RUSH', label: 'Semaine de vacances (banc)', kind: 'leisure_day', weekdays: [1, 2, 3, 4, 5], dailyCapacity: CAPACITY }),
      );
      await commands.execute(
        new SetBookingRules('RUSH', {
          code: 'RUSH',
          season: 'holidays',
          booking: { kind: 'day_before', at: '12:00' },
          cancellation: { kind: 'day_before', at: '12:00' },
        }),
      );
    });
  } catch (error) {
    await close();
    throw error;
  }
  return { app, infrastructure, base, close };
}

export async function runRushBenchmark(options: { databaseUrl: string; families?: number; concurrency?: number; log?: (line: string) => void }): Promise<void> {
  const families = options.families ?? 2_000;
  const concurrency = options.concurrency ?? 64;
  const log = options.log ?? ((line: string) => console.log(line));
  const { app, infrastructure, base, close } = await openRushTown(options.databaseUrl);
  try {
    log(`${families} families × 5 days against ${CAPACITY} places a day; client concurrency ${concurrency}`);
    const registered = await registerFamilies(app.get(CommandBus), families, log);
    const children = await waitForChildren(infrastructure.pool, registered);

    const agent = await signIn(base);
    const request = await measure(registered, concurrency, async (familyId) => {
      const lines = DAYS.map((date) => ({ childId: children.get(familyId)!, serviceCode: 'RUSH', date }));
      return agent('POST', `/families/${familyId}/basket/lines`, { lines });
    });
    report(log, 'put 5 days in the basket (POST …/basket/lines)', request);
    const validate = await measure(registered, concurrency, (familyId) => agent('POST', `/families/${familyId}/basket/validation`, {}));
    report(log, 'validate the basket (POST …/basket/validation)', validate);

    const counts = await infrastructure.pool.query<{ stream_id: string; type: string; n: string; ids: string }>(
      `SELECT stream_id, type, count(*) AS n, count(DISTINCT data->>'reservationId') AS ids FROM events
        WHERE stream_id LIKE 'service_day-RUSH-%' GROUP BY stream_id, type`,
    );
    const validated = sum(counts.rows.filter((r) => r.type === 'ReservationValidated'));
    const waitlisted = sum(counts.rows.filter((r) => r.type === 'ReservationWaitlisted'));
    const overbooked = DAYS.reduce((total, date) => {
      const onDay = sum(counts.rows.filter((r) => r.type === 'ReservationValidated' && r.stream_id === `service_day-RUSH-${date}`));
      return total + Math.max(0, onDay - CAPACITY);
    }, 0);
    const decided = sum(counts.rows.filter((r) => ['ReservationValidated', 'ReservationWaitlisted', 'ReservationRejected'].includes(r.type)));
    const lost = families * DAYS.length - decided + request.failures + validate.failures;
    log(`validated ${validated}, waitlisted ${waitlisted}, overbooked ${overbooked} (must be 0), lost ${lost} (must be 0)`);

    await infrastructure.pool.query('CREATE TABLE bench_raw_rows (id bigserial PRIMARY KEY, family_id uuid NOT NULL, payload jsonb NOT NULL)');
    const raw = await measure(registered, concurrency, async (familyId) => {
      await infrastructure.pool.query('INSERT INTO bench_raw_rows (family_id, payload) VALUES ($1, $2)', [familyId, JSON.stringify({ days: DAYS })]);
      return 200;
    });
    report(log, 'baseline: raw single-row INSERT through pg', raw);
    log(
      `ratio: a basket validation (5 lines) takes ${(validate.p50 / raw.p50).toFixed(1)}× a raw insert at p50; throughput ${((validate.perSecond / raw.perSecond) * 100).toFixed(1)} % of raw inserts/s`,
    );
    if (overbooked !== 0 || lost !== 0) process.exitCode = 1;
  } finally {
    await close();
  }
}

export const sum = (rows: { n: string }[]) => rows.reduce((total, r) => total + Number(r.n), 0);

export async function registerFamilies(commands: CommandBus, count: number, log: (line: string) => void): Promise<string[]> {
  const started = performance.now();
  const ids: string[] = [];
  await runInContext(systemContext({ userId: 'bench', role: 'system' }), async () => {
    for (let i = 0; i < count; i += 25) {
      const batch = Array.from({ length: Math.min(25, count - i) }, (_, j) =>
        commands.execute(
          new RegisterFamily({
            familyName: `Famille ${i + j}`,
            contactEmail: null,
            via: 'agent',
            guardians: {
              responsable1: {
                civility: 'madame',
                lastName: `Famille ${i + j}`,
                firstName: 'Alex',
                mobilePhone: '06 00 00 00 00',
                email: `famille${i + j}@bench.example.org`,
                address: { line1: '1 rue', postalCode: '41120', city: 'Saint-Ardoise' },
              },
            } as never,
            children: [
              {
                lastName: `Famille ${i + j}`,
                firstName: 'Camille',
                birthDate: '2018-03-03',
                school: 'École Jules-Ferry',
                className: 'CE2',
                diet: 'standard',
                allergies: null,
                pai: false,
              },
            ] as never,
          }),
        ),
      );
      ids.push(...(await Promise.all(batch)).map((r) => r.familyId));
    }
  });
  log(`registered ${count} families in ${((performance.now() - started) / 1000).toFixed(1)} s (setup, not measured)`);
  return ids;
}

export async function waitForChildren(pool: pg.Pool, familyIds: string[]): Promise<Map<string, string>> {
  for (;;) {
    const rows = await pool.query<{ family_id: string; child_id: string }>(
      'SELECT family_id, child_id FROM family_children WHERE family_id = ANY($1::uuid[])',
      [familyIds],
    );
    if (rows.rows.length >= familyIds.length) return new Map(rows.rows.map((r) => [r.family_id, r.child_id]));
    await new Promise((r) => setTimeout(r, 200));
  }
}

type Send = (method: string, path: string, body?: unknown) => Promise<number>;

async function signIn(base: string): Promise<Send> {
  const agent = DEMO_STAFF.find((s) => s.role === 'agent')!;
  const login = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: agent.email, password: agent.password }),
  });
  const cookies = login.headers.getSetCookie().map((c) => c.split(';')[0]);
  const csrf = cookies.find((c) => c.startsWith('XSRF-TOKEN='))!.slice('XSRF-TOKEN='.length);
  return async (method, path, body) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', cookie: cookies.join('; '), 'x-xsrf-token': csrf },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    await response.arrayBuffer();
    return response.status;
  };
}

export interface Measured {
  count: number;
  failures: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

export async function measure(items: string[], concurrency: number, op: (item: string) => Promise<number>): Promise<Measured> {
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const item = items[next++];
        const t0 = performance.now();
        try {
          const status = await op(item);
          if (status >= 300) failures++;
        } catch {
          failures++;
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { count: items.length, failures, seconds, perSecond: items.length / seconds, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

export function report(log: (line: string) => void, label: string, m: Measured): void {
  log(
    `${label}: ${m.count} requests in ${m.seconds.toFixed(2)} s → ${m.perSecond.toFixed(0)} req/s; ` +
      `p50 ${m.p50.toFixed(1)} ms, p95 ${m.p95.toFixed(1)} ms, p99 ${m.p99.toFixed(1)} ms; failures ${m.failures}`,
  );
}
