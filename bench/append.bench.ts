import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { runMigrations } from '#ardoise/database';
import { PostgresEventStore, computeEventHash, eventStoreMigrations, toStorableJson, type EventData } from '#ardoise/event-store';

/**
 * `ardoise bench append`: what an append costs on the PostgreSQL adapter, against the
 * cheapest possible write of the same row.
 *
 * On a fresh database (created next to `databaseUrl`, dropped at the end), with one pool:
 *   - baseline: raw single-row `INSERT` (autocommit: one round trip + one commit) of the
 *     same kind of row (same columns, hash computed, same indexes: a `LIKE events
 *     INCLUDING ALL` table), and raw 100-row INSERTs for the batch case;
 *   - append, existing streams: each worker appends one event at a time to its own,
 *     already existing stream with an exact expected revision (the command-handler path:
 *     the head is cached, one round trip);
 *   - append, new stream each: one event with 'no_stream' (also one round trip);
 *   - append batches of 100 events to a worker's stream.
 * at concurrency 1, 8 and 32. Prints events/s, p50/p99 latency per call and the ratio of
 * the time per event to the baseline at the same concurrency (1.00 = as fast as a raw insert).
 */
export async function runAppendBenchmark(options: { databaseUrl: string; events?: number; rounds?: number; log?: (line: string) => void }): Promise<void> {
  const total = options.events ?? 5_000;
  const rounds = options.rounds ?? 3;
  const log = options.log ?? ((line: string) => console.log(line));
  const url = options.databaseUrl; // a fresh database (apps/cli/src/commands/bench-database.ts)
  const pool = new pg.Pool({ connectionString: url, max: 34 });
  // pool.end() resolves before the sockets are closed: the DROP … WITH (FORCE) below may
  // terminate them, which an idle client reports as an error event.
  pool.on('error', () => undefined);
  try {
    const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }) });
    await runMigrations(db, eventStoreMigrations);
    await db.destroy();
    await pool.query('CREATE TABLE bench_raw_events (LIKE events INCLUDING ALL)');
    const settings = await pool.query("SELECT version() AS version, current_setting('synchronous_commit') AS sc, current_setting('fsync') AS fsync");
    log(`PostgreSQL: ${settings.rows[0].version.split(',')[0]} (fsync=${settings.rows[0].fsync}, synchronous_commit=${settings.rows[0].sc})`);
    log(`${total} events per case and round, fresh database, one pool (max 34 connections)`);

    const store = new PostgresEventStore(pool);
    const quiet = new PostgresEventStore(pool, { notifyChannel: false });
    const cases: Case[] = [];
    for (const concurrency of [1, 8, 32]) {
      cases.push({ label: 'raw INSERT, 1 row', concurrency, batch: 1, baseline: true, op: async () => rawInsert(pool, 1) });
      cases.push({ label: 'append 1 event, existing stream', concurrency, batch: 1, op: () => appendExisting(store, concurrency, 1) });
      cases.push({ label: 'append 1 event, new stream', concurrency, batch: 1, op: async () => appendNew(store) });
      if (concurrency === 32) {
        cases.push({ label: 'append 1 event, existing, no notifier', concurrency, batch: 1, op: () => appendExisting(quiet, concurrency, 1) });
      }
    }
    for (const concurrency of [1, 8]) {
      cases.push({ label: 'raw INSERT, 100 rows', concurrency, batch: 100, baseline: true, op: async () => rawInsert(pool, 100) });
      cases.push({ label: 'append 100 events, existing stream', concurrency, batch: 100, op: () => appendExisting(store, concurrency, 100) });
    }

    // Rounds interleave every case with its baseline, so drift on a shared machine hits
    // both alike; each figure printed is the median over the rounds.
    const perRound: Result[][] = cases.map(() => []);
    const ratios: number[][] = cases.map(() => []);
    for (let round = 0; round < rounds; round++) {
      let baseline: Result | undefined;
      for (const [i, c] of cases.entries()) {
        const result = await measure(c.label, c.concurrency, total, c.batch, await c.op());
        if (c.baseline) baseline = result;
        perRound[i]!.push(result);
        ratios[i]!.push(baseline!.eventsPerSecond / result.eventsPerSecond);
      }
      log(`round ${round + 1}/${rounds} done`);
    }
    await store.close();
    await quiet.close();

    log('');
    log(`medians over ${rounds} rounds`);
    log(`${'case'.padEnd(38)} ${'conc'.padStart(4)} ${'events/s'.padStart(9)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'x raw'.padStart(6)}`);
    const figures = cases.map((c, i) => {
      const rs = perRound[i]!;
      return {
        case: c.label,
        concurrency: c.concurrency,
        events_per_s: Math.round(median(rs.map((r) => r.eventsPerSecond))),
        p50_ms: Number(median(rs.map((r) => r.p50)).toFixed(2)),
        p99_ms: Number(median(rs.map((r) => r.p99)).toFixed(2)),
        x_raw: Number(median(ratios[i]!).toFixed(2)),
      };
    });
    for (const [i, c] of cases.entries()) {
      const rs = perRound[i]!;
      log(
        `${c.label.padEnd(38)} ${String(c.concurrency).padStart(4)} ${median(rs.map((r) => r.eventsPerSecond))
          .toFixed(0)
          .padStart(9)} ${median(rs.map((r) => r.p50))
          .toFixed(2)
          .padStart(7)} ${median(rs.map((r) => r.p99))
          .toFixed(2)
          .padStart(7)} ${median(ratios[i]!).toFixed(2).padStart(6)}`,
      );
    }
    // The last line: the figures as JSON (x_raw: the raw insert's rate divided by the case's).
    log(JSON.stringify({ bench: 'append', rounds, events_per_case: total, cases: figures }));
  } finally {
    await pool.end();
  }
}

interface Case {
  label: string;
  concurrency: number;
  batch: number;
  /** The raw-insert case the following cases are compared with. */
  baseline?: boolean;
  op: () => Promise<Operation>;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

interface Result {
  label: string;
  concurrency: number;
  batch: number;
  eventsPerSecond: number;
  p50: number;
  p99: number;
}

/** A unit of work for worker `w`: writes `batch` events. */
type Operation = (worker: number) => Promise<unknown>;

async function measure(label: string, concurrency: number, totalEvents: number, batch: number, op: Operation): Promise<Result> {
  const calls = Math.max(concurrency, Math.ceil(totalEvents / batch));
  // Warm-up: connections, prepared statements, caches.
  await Promise.all(Array.from({ length: concurrency }, (_, w) => op(w).then(() => op(w))));
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, w) => {
      while (next < calls) {
        next++;
        const t0 = performance.now();
        await op(w);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;
  return { label, concurrency, batch, eventsPerSecond: (latencies.length * batch) / seconds, p50: pct(0.5), p99: pct(0.99) };
}

const METADATA = {
  actor: { userId: 'bench', role: 'agent' },
  correlationId: '00000000-0000-4000-8000-000000000000',
  causationId: '00000000-0000-4000-8000-000000000000',
  occurredAt: '2026-09-01T08:00:00.000Z',
  schemaVersion: 1,
};
const DATA = { childId: 'child-123', serviceCode: 'CANTINE', date: '2026-09-14', note: 'sans porc' };

const benchEvent = (): EventData => ({ id: randomUUID(), type: 'ReservationRequested', data: DATA, metadata: METADATA });

function rawInsert(pool: pg.Pool, rows: number): Operation {
  let counter = 0;
  return async () => {
    const streamId = `raw-${randomUUID()}`;
    const values: string[][] = [[], [], [], [], [], [], []];
    let previousHash = '';
    for (let i = 0; i < rows; i++) {
      const revision = BigInt(i);
      const hash = computeEventHash(previousHash, { streamId, revision, type: 'ReservationRequested', data: DATA, metadata: METADATA });
      values[0]!.push(revision.toString());
      values[1]!.push(randomUUID());
      values[2]!.push('ReservationRequested');
      values[3]!.push(toStorableJson(DATA));
      values[4]!.push(toStorableJson(METADATA));
      values[5]!.push(hash);
      values[6]!.push(previousHash);
      previousHash = hash;
    }
    counter++;
    if (rows === 1) {
      await pool.query({
        name: 'bench_raw_1',
        text: `INSERT INTO bench_raw_events (stream_id, revision, event_id, type, data, metadata, hash, previous_hash)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        values: [streamId, ...values.map((v) => v[0])],
      });
    } else {
      await pool.query({
        name: 'bench_raw_n',
        text: `INSERT INTO bench_raw_events (stream_id, revision, event_id, type, data, metadata, hash, previous_hash)
               SELECT $1, * FROM unnest($2::bigint[], $3::uuid[], $4::text[], $5::jsonb[], $6::jsonb[], $7::text[], $8::text[])`,
        values: [streamId, ...values],
      });
    }
    return counter;
  };
}

async function appendExisting(store: PostgresEventStore, concurrency: number, batch: number): Promise<Operation> {
  const streams = Array.from({ length: concurrency }, () => `reservation-${randomUUID()}`);
  const revisions: bigint[] = [];
  for (const stream of streams) revisions.push((await store.append(stream, [benchEvent()], { expectedRevision: 'no_stream' })).nextRevision);
  return async (w) => {
    const events = Array.from({ length: batch }, benchEvent);
    revisions[w] = (await store.append(streams[w]!, events, { expectedRevision: revisions[w]! })).nextRevision;
  };
}

function appendNew(store: PostgresEventStore): Operation {
  return () => store.append(`reservation-${randomUUID()}`, [benchEvent()], { expectedRevision: 'no_stream' });
}
