import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { Pool } from 'undici';
import { CAPACITY, DAYS, measure, report, sum } from './rush.bench.js';
import { mulberry32 } from './lag.bench.js';
import type { RushApiMessage, RushApiReady } from './rush-api.process.js';
import { processStat, TICKS_PER_SECOND } from './cpu-meter.js';

/**
 * `ardoise bench rush --open-loop`: the opening as it happens. N families arrive over one
 * minute (a Poisson process, seeded), whatever the API's pace: each logs in with its own
 * account (its own cookie session), thinks, puts the 5 days of the 300-place week in its
 * basket, thinks, validates; a sign-in refused because too many passwords are being checked
 * (503 with Retry-After) is tried again after the wait it says, as the parent told so would.
 * Requests go through undici's Pool (Node's own HTTP engine); a request's latency counts from
 * the moment the family sends it, waiting for a connection included. The API runs in a process of its own (rush-api.process.ts: the same composition,
 * projections included), the load generator in this one, so neither steals the other's event
 * loop. Reported per 5-second window: validations p50/p99, errors, CPU and memory of the API
 * process (read from /proc), this process's CPU, and the `reservations` read model's lag as
 * /health says it. Then: every acknowledged decision must be in the log and
 * in the read model (lost), no day past its capacity (overbooked), and the raw-insert
 * baseline measured in the same run.
 *
 * Last line, JSON: {"bench":"rush","families":…,"validate_p99_ms":…,"validated":…,"waitlisted":…,"overbooked":0,"lost":0,"max_lag_ms":…}
 */
export interface OpenLoopRushOptions {
  databaseUrl: string;
  families?: number;
  /** Seconds over which the families arrive (validate) after the opening. */
  arrivalSeconds?: number;
  /**
   * The realistic model: parents sign in during the `signInBeforeSeconds` s BEFORE the
   * opening (Poisson, sessions kept open), then arrive over the opening minute to add and
   * validate. Without it every family signs in as it arrives (all in one minute).
   */
  signInBeforeSeconds?: number;
  seed?: number;
  /** A directory: the API process runs with `--cpu-prof` and writes its profile there when it stops. */
  apiCpuProfileDir?: string;
  log?: (line: string) => void;
}

const WINDOW_MS = 5_000;
const PASSWORD = 'Ouverture-des-vacances-2027';
/** A parent reads the page before each step: 1 to 4 s. */
const thinkMs = (random: () => number) => 1_000 + random() * 3_000;

interface Sample {
  at: number;
  ms: number;
  ok: boolean;
  /** What a failure was: the HTTP status, or the client's error code (a timeout, a refused connection). */
  failure?: string;
  /** A sign-in refused for now (503 with Retry-After), tried again: not an error. */
  busy?: boolean;
}

interface Window {
  /** CPU time of the API process, and of this (load-generating) process. */
  cpuMs: number;
  benchCpuMs: number;
  rssMb: number;
  lagSeconds: number;
  lagEvents: number;
}

export async function runOpenLoopRushBenchmark(options: OpenLoopRushOptions): Promise<void> {
  const families = options.families ?? 5_000;
  const arrivalSeconds = options.arrivalSeconds ?? 60;
  const log = options.log ?? ((line: string) => console.log(line));
  const random = mulberry32(options.seed ?? 2027);
  log(`open loop: ${families} families arriving over ${arrivalSeconds} s (Poisson, seed ${options.seed ?? 2027}) × 5 days against ${CAPACITY} places a day`);
  const api = await startApi(options.databaseUrl, families, options.apiCpuProfileDir, log);
  const { base, registered } = api.ready;
  const children = new Map(api.ready.children);
  // This process's own connections: the checks and the raw baseline (as many as the API's pool).
  const database = new pg.Pool({ connectionString: options.databaseUrl, max: 40 });
  const origin = new URL(base).origin;
  const prefix = new URL(base).pathname;
  // A connection per family, as each parent's browser has its own: with a shared few (256
  // before), sign-ins waiting on the server held them and the other families' requests queued
  // in this process, not in the API.
  const http = new Pool(origin, { connections: families + 16, pipelining: 1 });
  try {
    log(
      `the API listens in its own process (pid ${api.child.pid}${options.apiCpuProfileDir ? `, CPU profile to ${options.apiCpuProfileDir}` : ''}); the load generator is this process`,
    );

    // Arrivals: exponential gaps of mean arrivalSeconds / families, after the opening; with
    // signInBeforeSeconds, sign-ins likewise over the minutes before it (each family's own
    // sign-in and arrival are drawn independently: early birds are not the first to validate).
    const signInBefore = options.signInBeforeSeconds ?? 0;
    const opening = signInBefore * 1000;
    const poisson = (spanMs: number, from: number) => {
      const times: number[] = [];
      let t = from;
      for (let i = 0; i < families; i++) {
        t += (-Math.log(1 - random()) * spanMs) / families;
        times.push(t);
      }
      return times;
    };
    const arrivals = poisson(arrivalSeconds * 1000, opening);
    const signIns = signInBefore > 0 ? poisson(signInBefore * 1000, 0) : undefined;
    if (signIns) {
      // shuffle the sign-in times among families (Fisher–Yates, seeded)
      for (let i = signIns.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [signIns[i], signIns[j]] = [signIns[j]!, signIns[i]!];
      }
      log(`sign-ins over the ${signInBefore} s before the opening, then the arrivals over ${arrivalSeconds} s`);
    }
    const thinks = registered.map(() => [thinkMs(random), thinkMs(random)] as const);

    const samples = { login: [] as Sample[], lines: [] as Sample[], validate: [] as Sample[] };
    /** From a family's first sign-in attempt to its session (tries again after a 503 included). */
    const signedIn: Sample[] = [];
    const acknowledged = new Map<string, string>(); // reservationId → outcome the API answered
    const windows: Window[] = [];
    const started = performance.now();
    /** The answer's headers and body; `retryAfterSeconds` for a sign-in refused for now; null for a failure. */
    type Answer = { headers: Record<string, string | string[] | undefined>; json: any } | { retryAfterSeconds: number } | null;
    const send = async (kind: keyof typeof samples, method: 'POST' | 'GET', path: string, body: unknown, headers: Record<string, string>): Promise<Answer> => {
      const t0 = performance.now();
      try {
        const response = await http.request({
          method,
          path: `${prefix}${path}`,
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify(body),
        });
        const text = await response.body.text();
        const ok = response.statusCode < 300;
        const retryAfter = Number(response.headers['retry-after']);
        if (kind === 'login' && response.statusCode === 503 && retryAfter > 0) {
          samples[kind].push({ at: t0 - started, ms: performance.now() - t0, ok: false, failure: 'HTTP 503 (busy, tried again)', busy: true });
          return { retryAfterSeconds: retryAfter };
        }
        samples[kind].push({ at: t0 - started, ms: performance.now() - t0, ok, ...(ok ? {} : { failure: `HTTP ${response.statusCode}` }) });
        return ok ? { headers: response.headers, json: text ? JSON.parse(text) : null } : null;
      } catch (error) {
        samples[kind].push({ at: t0 - started, ms: performance.now() - t0, ok: false, failure: (error as { code?: string }).code ?? 'client error' });
        return null;
      }
    };
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

    const family = async (i: number) => {
      await sleep(started + (signIns ? signIns[i]! : arrivals[i]!) - performance.now());
      const firstTry = performance.now();
      let login = await send('login', 'POST', '/auth/login', { email: `parent${i + 1}@rush.bench.example.org`, password: PASSWORD }, {});
      while (login && 'retryAfterSeconds' in login) {
        await sleep(login.retryAfterSeconds * 1000);
        login = await send('login', 'POST', '/auth/login', { email: `parent${i + 1}@rush.bench.example.org`, password: PASSWORD }, {});
      }
      if (!login) return;
      signedIn.push({ at: firstTry - started, ms: performance.now() - firstTry, ok: true });
      const setCookie = login.headers['set-cookie'];
      const cookies = (Array.isArray(setCookie) ? setCookie : [setCookie ?? '']).map((c) => c.split(';')[0]!);
      const csrf = cookies.find((c) => c.startsWith('XSRF-TOKEN='))?.slice('XSRF-TOKEN='.length) ?? '';
      const session = { cookie: cookies.join('; '), 'x-xsrf-token': csrf };
      const familyId = registered[i]!;
      if (signIns)
        await sleep(started + arrivals[i]! - performance.now()); // waits for the opening, signed in
      else await sleep(thinks[i]![0]);
      const lines = DAYS.map((date) => ({ childId: children.get(familyId)!, serviceCode: 'RUSH', date }));
      if (!(await send('lines', 'POST', `/families/${familyId}/basket/lines`, { lines }, session))) return;
      await sleep(thinks[i]![1]);
      const validated = await send('validate', 'POST', `/families/${familyId}/basket/validation`, {}, session);
      for (const line of (validated && 'json' in validated ? (validated.json?.lines ?? []) : []) as Array<{ reservationId: string; outcome: string }>)
        acknowledged.set(line.reservationId, line.outcome);
    };

    // Every second, CPU and memory of the API process and this process's CPU; as often as
    // /health answers (on its own connection, not queued behind the families), the
    // reservations read model's lag.
    let running = true;
    const windowAt = (now: number) => (windows[Math.floor((now - started) / WINDOW_MS)] ??= { cpuMs: 0, benchCpuMs: 0, rssMb: 0, lagSeconds: 0, lagEvents: 0 });
    let apiCpu = api.usage();
    let cpu = process.cpuUsage();
    const usage = setInterval(() => {
      const now = api.usage();
      const used = process.cpuUsage(cpu);
      cpu = process.cpuUsage();
      const w = windowAt(performance.now());
      w.cpuMs += now.cpuMs - apiCpu.cpuMs;
      w.benchCpuMs += (used.user + used.system) / 1000;
      w.rssMb = Math.max(w.rssMb, now.rssMb);
      apiCpu = now;
    }, 1_000);
    const healthClient = new Pool(origin, { connections: 1 });
    const monitor = (async () => {
      while (running) {
        const health = await healthClient
          .request({ method: 'GET', path: `${prefix}/health` })
          .then((r) => r.body.json() as Promise<{ projections: Array<{ name: string; lagSeconds: number; lagEvents: number }> }>)
          .catch(() => ({ projections: [] }));
        const reservations = health.projections.find((p) => p.name === 'reservations');
        const w = windowAt(performance.now());
        w.lagSeconds = Math.max(w.lagSeconds, reservations?.lagSeconds ?? 0);
        w.lagEvents = Math.max(w.lagEvents, reservations?.lagEvents ?? 0);
        await sleep(1_000);
      }
    })();

    await Promise.all(registered.map((_, i) => family(i)));
    const rushSeconds = (performance.now() - started) / 1000;
    // The read model catches up: keep watching its lag until it is 0.
    await waitForCatchUp(database, Date.now() + 60_000);
    running = false;
    await monitor;
    clearInterval(usage);
    await healthClient.close();

    log(
      `rush over in ${rushSeconds.toFixed(1)} s (${signIns ? `opening at ${signInBefore} s, ` : ''}last arrival at ${(arrivals.at(-1)! / 1000).toFixed(1)} s); per ${WINDOW_MS / 1000}-second window:`,
    );
    log('  window    logins  validations  validate p50/p99 ms  all p99 ms  errors  API CPU %  API RSS MB  bench CPU %  lag s (events)');
    const all = [...samples.login, ...samples.lines, ...samples.validate];
    for (let w = 0; w < windows.length; w++) {
      // CPU % is of one core: 200 % is every core of a 2-core machine.
      const inWindow = (list: Sample[]) => list.filter((s) => Math.floor(s.at / WINDOW_MS) === w);
      const v = inWindow(samples.validate);
      const every = inWindow(all);
      const m = windows[w] ?? { cpuMs: 0, benchCpuMs: 0, rssMb: 0, lagSeconds: 0, lagEvents: 0 };
      log(
        `  ${String(w * 5).padStart(3)}–${String(w * 5 + 5).padEnd(3)} s ${String(inWindow(samples.login).length).padStart(7)} ${String(v.length).padStart(12)} ` +
          `${`${fmt(pct(v, 0.5))} / ${fmt(pct(v, 0.99))}`.padStart(20)} ${fmt(pct(every, 0.99)).padStart(11)} ${String(every.filter(failed).length).padStart(7)} ` +
          `${((m.cpuMs / WINDOW_MS) * 100).toFixed(0).padStart(10)} ${m.rssMb.toFixed(0).padStart(11)} ${((m.benchCpuMs / WINDOW_MS) * 100).toFixed(0).padStart(12)} ` +
          `${`${m.lagSeconds} (${m.lagEvents})`.padStart(15)}`,
      );
    }
    for (const kind of ['login', 'lines', 'validate'] as const) {
      const list = samples[kind];
      log(
        `${kind}: ${list.length} requests, p50 ${fmt(pct(list, 0.5))} ms, p95 ${fmt(pct(list, 0.95))} ms, p99 ${fmt(pct(list, 0.99))} ms, max ${fmt(pct(list, 1))} ms, errors ${list.filter(failed).length}` +
          (kind === 'login' ? `, refused busy ${list.filter((s) => s.busy).length} (tried again after Retry-After)` : ''),
      );
    }
    log(
      `signed in (first try to session, tries again included): p50 ${fmt(pct(signedIn, 0.5))} ms, p95 ${fmt(pct(signedIn, 0.95))} ms, p99 ${fmt(pct(signedIn, 0.99))} ms, max ${fmt(pct(signedIn, 1))} ms`,
    );
    const errors = all.filter(failed).length;
    const failures = new Map<string, number>();
    for (const s of all) if (s.failure && !s.busy) failures.set(s.failure, (failures.get(s.failure) ?? 0) + 1);
    log(
      `error rate ${((errors / Math.max(1, all.length)) * 100).toFixed(2)} % (${errors} of ${all.length} requests)` +
        (failures.size > 0 ? `: ${[...failures].map(([failure, n]) => `${failure} × ${n}`).join(', ')}` : ''),
    );
    // The API's CPU per request, a figure that depends less on what else the machine runs than
    // latencies do: before the opening (sign-ins), and from the opening on (baskets, validations,
    // and the projections following them).
    const cpuPerRequest = (from: number, to: number) => {
      const cpuMs = windows.reduce((total, m, w) => total + (w * WINDOW_MS >= from && w * WINDOW_MS < to ? (m?.cpuMs ?? 0) : 0), 0);
      const requests = all.filter((s) => s.at >= Math.floor(from / WINDOW_MS) * WINDOW_MS && s.at < to).length;
      return { cpuMs, requests, perRequest: cpuMs / Math.max(1, requests) };
    };
    const openingWindow = Math.ceil(opening / WINDOW_MS) * WINDOW_MS;
    const beforeOpening = cpuPerRequest(0, openingWindow);
    const fromOpening = cpuPerRequest(openingWindow, Number.POSITIVE_INFINITY);
    log(
      `API CPU: ${(fromOpening.cpuMs / 1000).toFixed(1)} s from the opening on for ${fromOpening.requests} requests → ${fromOpening.perRequest.toFixed(2)} ms a request` +
        (signIns
          ? `; before it ${(beforeOpening.cpuMs / 1000).toFixed(1)} s for ${beforeOpening.requests} sign-ins → ${beforeOpening.perRequest.toFixed(2)} ms a sign-in`
          : ''),
    );

    // The log and the read model against what the API acknowledged.
    const counts = await database.query<{ stream_id: string; type: string; n: string }>(
      `SELECT stream_id, type, count(*) AS n FROM events WHERE stream_id LIKE 'service_day-RUSH-%' GROUP BY stream_id, type`,
    );
    const validated = sum(counts.rows.filter((r) => r.type === 'ReservationValidated'));
    const waitlisted = sum(counts.rows.filter((r) => r.type === 'ReservationWaitlisted'));
    const overbooked = DAYS.reduce((total, date) => {
      const onDay = sum(counts.rows.filter((r) => r.type === 'ReservationValidated' && r.stream_id === `service_day-RUSH-${date}`));
      return total + Math.max(0, onDay - CAPACITY);
    }, 0);
    const ids = [...acknowledged.keys()];
    const inLog = await database.query<{ id: string; type: string }>(
      `SELECT data->>'reservationId' AS id, type FROM events
        WHERE stream_id LIKE 'service_day-RUSH-%' AND type IN ('ReservationValidated', 'ReservationWaitlisted', 'ReservationRejected') AND data->>'reservationId' = ANY($1::text[])`,
      [ids],
    );
    const inReadModel = await database.query<{ id: string; status: string }>(
      'SELECT reservation_id::text AS id, status FROM reservation_lines WHERE reservation_id = ANY($1::uuid[])',
      [ids],
    );
    const logged = new Map(inLog.rows.map((r) => [r.id, r.type.replace('Reservation', '').toLowerCase()]));
    const read = new Map(inReadModel.rows.map((r) => [r.id, r.status]));
    const missingFromLog = ids.filter((id) => logged.get(id) !== acknowledged.get(id)).length;
    const missingFromReadModel = ids.filter((id) => acknowledged.get(id) !== 'rejected' && read.get(id) !== acknowledged.get(id)).length;
    const lost = missingFromLog + missingFromReadModel;
    log(
      `acknowledged ${ids.length} decisions (${[...acknowledged.values()].filter((o) => o === 'validated').length} validated); ` +
        `in the log: validated ${validated}, waitlisted ${waitlisted}; overbooked ${overbooked} (must be 0); ` +
        `lost ${lost} (must be 0: ${missingFromLog} not in the log as answered, ${missingFromReadModel} not in the read model as answered)`,
    );

    await database.query('CREATE TABLE bench_raw_rows (id bigserial PRIMARY KEY, family_id uuid NOT NULL, payload jsonb NOT NULL)');
    const raw = await measure(registered, 64, async (familyId) => {
      await database.query('INSERT INTO bench_raw_rows (family_id, payload) VALUES ($1, $2)', [familyId, JSON.stringify({ days: DAYS })]);
      return 200;
    });
    report(log, 'baseline: raw single-row INSERT through pg (64 at a time)', raw);
    const validateP99 = pct(samples.validate, 0.99);
    log(
      `ratio: validation p99 ${fmt(validateP99)} ms = ${(validateP99 / raw.p99).toFixed(1)}× a raw insert's p99; target p99 < 250 ms: ${validateP99 < 250 ? 'met' : 'NOT met'}`,
    );
    const maxLagMs = Math.max(0, ...Array.from(windows, (w) => w?.lagSeconds ?? 0)) * 1000;
    if (overbooked !== 0 || lost !== 0) process.exitCode = 1;
    const model = signIns ? `signed in over ${signInBefore} s before the opening` : 'sign-in on arrival';
    log(
      JSON.stringify({
        bench: 'rush',
        families,
        validate_p99_ms: Math.round(validateP99),
        validated,
        waitlisted,
        overbooked,
        lost,
        max_lag_ms: maxLagMs,
        model,
        validate_p50_ms: Math.round(pct(samples.validate, 0.5)),
        login_p99_ms: Math.round(pct(samples.login, 0.99)),
        signed_in_p99_ms: Math.round(pct(signedIn, 0.99)),
        login_busy: samples.login.filter((s) => s.busy).length,
        errors,
        raw_insert_p99_ms: Number(raw.p99.toFixed(1)),
        api_cpu_ms_per_request: Number(fromOpening.perRequest.toFixed(2)),
      }),
    );
  } finally {
    await http.close();
    await database.end();
    await api.stop();
  }
}

/** Forks the API process and waits until it listens with the families registered. */
async function startApi(databaseUrl: string, families: number, cpuProfileDir: string | undefined, log: (line: string) => void) {
  const child: ChildProcess = fork(new URL('./rush-api.process.js', import.meta.url), [databaseUrl, String(families), PASSWORD], {
    execArgv: [...process.execArgv, ...(cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : [])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await new Promise<RushApiReady>((resolve, reject) => {
    child.on('message', (message: RushApiMessage) => {
      if ('log' in message) log(message.log);
      else if ('ready' in message) resolve(message.ready);
      else reject(new Error(`the API process failed: ${message.failed}`));
    });
    child.once('exit', (code) => reject(new Error(`the API process exited (${code}) before it was ready`)));
  });
  return {
    child,
    ready,
    /** CPU time (user + system) and resident memory of the API process, from /proc. */
    usage(): { cpuMs: number; rssMb: number } {
      try {
        const cpuMs = (processStat(child.pid!).ticks / TICKS_PER_SECOND) * 1000;
        const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0);
        return { cpuMs, rssMb: rssKb / 1024 };
      } catch {
        return { cpuMs: 0, rssMb: 0 }; // no /proc (not Linux): the columns read 0
      }
    },
    async stop(): Promise<void> {
      if (child.exitCode === null && child.connected) child.send({ stop: true });
      await exited;
    },
  };
}

async function waitForCatchUp(pool: import('pg').Pool, deadline: number): Promise<void> {
  // The reservations projection has applied every RUSH decision once its checkpoint passes the last one.
  while (Date.now() < deadline) {
    const { rows } = await pool.query<{ behind: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM events e WHERE e.stream_id LIKE 'service_day-RUSH-%'
          AND e.type IN ('ReservationValidated', 'ReservationWaitlisted')
          AND NOT EXISTS (SELECT 1 FROM reservation_lines r WHERE r.reservation_id = (e.data->>'reservationId')::uuid AND r.status IN ('validated', 'waitlisted'))) AS behind`,
    );
    if (!rows[0]!.behind) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** An error: a failed request, not a sign-in refused for now and tried again. */
const failed = (s: Sample) => !s.ok && !s.busy;

function pct(list: Sample[], q: number): number {
  if (list.length === 0) return Number.NaN;
  const sorted = list.map((s) => s.ms).sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

const fmt = (ms: number) => (Number.isNaN(ms) ? '–' : ms.toFixed(1));
