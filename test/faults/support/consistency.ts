import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { CAPACITY, SERVICE } from './town.js';
import type { Ledger } from './write-load.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const DECISIONS = ['ReservationValidated', 'ReservationWaitlisted', 'ReservationRejected'];
const OUTCOME_EVENT: Record<string, string> = { validated: 'ReservationValidated', waitlisted: 'ReservationWaitlisted', rejected: 'ReservationRejected' };

/** What the log says about the acknowledged commands; every number but `acknowledged` must be 0. */
export interface ConsistencyReport {
  acknowledged: number;
  /** Acknowledged registrations / decisions whose event is not in the log. */
  lost: number;
  /** Events applied twice: a family registered twice under one key, a reservation decided twice, a child with two live reservations for one day. */
  twice: number;
  /** Validated places beyond the day's capacity, summed over the days. */
  overbooked: number;
  /** Acknowledged outcomes that differ from the event in the log. */
  mismatched: number;
  /** What went wrong, for the failure message (ids only). */
  details: string[];
}

export async function checkLog(databaseUrl: string, ledger: Ledger): Promise<ConsistencyReport> {
  const sql = new pg.Client({ connectionString: databaseUrl });
  await sql.connect();
  try {
    const families = await sql.query<{ stream_id: string; n: number }>(
      `SELECT stream_id, count(*)::int AS n FROM events WHERE type = 'FamilyAccountCreated' AND stream_id = ANY($1::text[]) GROUP BY stream_id`,
      [ledger.registrations.map((r) => `family-${r.familyId}`)],
    );
    const registered = new Map(families.rows.map((r) => [r.stream_id, r.n]));
    const lostFamilies = ledger.registrations.filter((r) => !registered.has(`family-${r.familyId}`)).length;
    const keysTwice = await sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (
         SELECT metadata->>'idempotencyKey' FROM events WHERE type = 'FamilyAccountCreated' AND metadata ? 'idempotencyKey'
          GROUP BY 1 HAVING count(*) > 1) t`,
    );

    const decided = await sql.query<{ reservation_id: string; type: string }>(
      `SELECT data->>'reservationId' AS reservation_id, type FROM events WHERE type = ANY($1::text[]) AND stream_id LIKE $2`,
      [DECISIONS, `service_day-${SERVICE}-%`],
    );
    const byReservation = new Map<string, string[]>();
    for (const row of decided.rows) byReservation.set(row.reservation_id, [...(byReservation.get(row.reservation_id) ?? []), row.type]);
    const lostDecisions = ledger.decisions.filter((d) => !byReservation.has(d.reservationId)).length;
    const mismatched = ledger.decisions.filter((d) => {
      const types = byReservation.get(d.reservationId);
      return types !== undefined && !types.includes(OUTCOME_EVENT[d.outcome]!);
    }).length;
    const decidedTwice = [...byReservation.values()].filter((types) => types.length > 1).length;
    const liveTwice = await sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (
         SELECT data->>'childId', data->>'date' FROM events
          WHERE type IN ('ReservationValidated', 'ReservationWaitlisted') AND stream_id LIKE $1
          GROUP BY 1, 2 HAVING count(*) > 1) t`,
      [`service_day-${SERVICE}-%`],
    );
    const days = await sql.query<{ n: number }>(
      `SELECT count(*) FILTER (WHERE type IN ('ReservationValidated', 'ReservationPromoted'))::int
              - count(*) FILTER (WHERE type = 'ReservationCancelled' AND data->>'previousStatus' = 'validated')::int AS n
         FROM events WHERE stream_id LIKE $1 GROUP BY stream_id`,
      [`service_day-${SERVICE}-%`],
    );
    const details = [
      ...ledger.registrations.filter((r) => !registered.has(`family-${r.familyId}`)).map((r) => `lost registration ${r.familyId}`),
      ...ledger.decisions.filter((d) => !byReservation.has(d.reservationId)).map((d) => `lost decision ${d.reservationId}`),
      ...[...byReservation].filter(([, types]) => types.length > 1).map(([id, types]) => `decided twice ${id}: ${types.join(', ')}`),
      ...[...registered].filter(([, n]) => n > 1).map(([id, n]) => `registered ${n} times ${id}`),
      ...(keysTwice.rows[0]!.n > 0 ? [`${keysTwice.rows[0]!.n} registration key(s) used twice`] : []),
      ...(liveTwice.rows[0]!.n > 0 ? [`${liveTwice.rows[0]!.n} (child, day) with two live reservations`] : []),
    ];
    return {
      details,
      acknowledged: ledger.registrations.length + ledger.decisions.length,
      lost: lostFamilies + lostDecisions,
      twice: keysTwice.rows[0]!.n + decidedTwice + liveTwice.rows[0]!.n + [...registered.values()].filter((n) => n > 1).length,
      overbooked: days.rows.reduce((total, d) => total + Math.max(0, d.n - CAPACITY), 0),
      mismatched,
    };
  } finally {
    await sql.end();
  }
}

/** `ardoise <args>` (the built CLI) against `databaseUrl`; its exit code and output. */
export function runCli(databaseUrl: string, args: string[], timeoutMs = 120_000): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['dist/apps/cli/src/main.js', ...args], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output: output.slice(-4000) });
    });
  });
}

/** Both verifications an operator runs after an incident: read models equal a replay of the log; hash chains intact. */
export async function verifyAll(databaseUrl: string): Promise<void> {
  for (const args of [['verify'], ['verify', '--chain']]) {
    const { code, output } = await runCli(databaseUrl, args);
    if (code !== 0) throw new Error(`ardoise ${args.join(' ')} exited ${code}:\n${output}`);
  }
}

/** Waits until /health answers « ok » with every projection caught up (lag 0). */
export async function waitForCaughtUp(baseUrl: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${baseUrl}/api/v1/health`, { signal: AbortSignal.timeout(5_000) });
      const health = (await response.json()) as { status: string; projections: { lagEvents: number; status: string }[] };
      last = JSON.stringify(health);
      if (response.status === 200 && health.projections.length > 0 && health.projections.every((p) => p.lagEvents === 0 && p.status === 'ok')) return;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the read models did not catch up within ${timeoutMs} ms: ${last}`);
}
