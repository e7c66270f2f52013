/**
 * Shared by this library's integration specs (not exported): a migrated database with the
 * real PostgreSQL event store, a tiny real projector, and a few waiting helpers.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll } from '@jest/globals';
import pg from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { runMigrations } from '#ardoise/database';
import { PostgresEventStore, eventStoreMigrations, type EventData } from '#ardoise/event-store';
import { projectionMigrations } from '../migrations.js';
import type { Projector } from '../projector.js';
import type { ProjectionLogger } from '../logger.js';
import { ProjectionRunner, type ProjectionRunnerOptions } from '../projection-runner.js';

export interface EngineKit {
  pool: pg.Pool;
  db: Kysely<any>;
  store: PostgresEventStore;
  close(): Promise<void>;
}

export async function openEngine(url: string): Promise<EngineKit> {
  const pool = new pg.Pool({ connectionString: url, max: 20 });
  // The database is dropped WITH (FORCE) after the suite: idle clients then report errors.
  pool.on('error', () => undefined);
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
  await runMigrations(db, eventStoreMigrations, projectionMigrations);
  const store = new PostgresEventStore(pool, { pollIntervalMs: 50 });
  return {
    pool,
    db,
    store,
    async close() {
      await store.close();
      await db.destroy(); // ends the pool
    },
  };
}

export interface EngineSuite {
  /** The suite's engine (once its beforeAll has run). */
  readonly kit: EngineKit;
  /** A runner on the suite's engine, stopped after the test. */
  runner(projectors: Projector | Projector[], over?: Partial<ProjectionRunnerOptions>): ProjectionRunner;
}

/** A database made for a suite (the specs pass test/support's createTestDatabase). */
export interface SuiteDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A describe block's engine: a new migrated database (from `createDatabase`) before all its
 * tests, the runners it made stopped after each test, the database dropped after all. Runners
 * poll fast (standby 100 ms, heartbeat 200 ms, backoff 50–400 ms) unless `defaults` or the
 * call say otherwise.
 */
export function useEngine(createDatabase: () => Promise<SuiteDatabase>, defaults: Partial<ProjectionRunnerOptions> = {}): EngineSuite {
  let database: SuiteDatabase | undefined;
  let kit: EngineKit | undefined;
  const runners: ProjectionRunner[] = [];
  beforeAll(async () => {
    database = await createDatabase();
    kit = await openEngine(database.url);
  }, 60_000);
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop()));
  }, 60_000);
  afterAll(async () => {
    await kit?.close();
    await database?.drop();
  }, 60_000);
  const opened = (): EngineKit => {
    if (!kit) throw new Error('useEngine: the engine opens in beforeAll');
    return kit;
  };
  return {
    get kit() {
      return opened();
    },
    runner(projectors, over = {}) {
      const r = new ProjectionRunner({
        pool: opened().pool,
        store: opened().store,
        projectors: Array.isArray(projectors) ? projectors : [projectors],
        logger: recordingLogger(),
        standbyRetryMs: 100,
        heartbeatMs: 200,
        backoff: { initialMs: 50, maxMs: 400 },
        ...defaults,
        ...over,
      });
      runners.push(r);
      return r;
    },
  };
}

export const event = (type: string, data: Record<string, unknown> = {}): EventData => ({
  id: randomUUID(),
  type,
  data,
  metadata: {
    actor: { userId: 'test', role: 'agent' },
    correlationId: randomUUID(),
    causationId: randomUUID(),
    occurredAt: new Date().toISOString(),
    schemaVersion: 1,
  },
});

export interface CounterOptions {
  version?: number;
  /** Throw on events for which this returns true (checked at apply time). */
  failOn?: (e: { type: string; streamId: string }) => boolean;
  /** Version 2 adds a column: a new table shape. */
  withLastType?: boolean;
}

export type CountingProjector = Projector & { applied: number };

/**
 * Counts events per stream of category `counter-`. Deliberately NOT idempotent
 * (`events = events + 1`): any event applied twice shows in the counts, so the specs
 * prove the engine's exactly-once effect rather than lean on idempotent handlers.
 */
export function streamCounter(options: CounterOptions = {}): CountingProjector {
  const projector: CountingProjector = {
    name: 'stream-counter',
    version: options.version ?? 1,
    filter: { streamPrefixes: ['counter-'] },
    applied: 0,
    tables: [
      {
        name: 'stream_counts',
        async create(db, physicalName) {
          await sql`CREATE TABLE ${sql.table(physicalName)} (
            stream_id text PRIMARY KEY,
            events integer NOT NULL
            ${options.withLastType ? sql`, last_type text NOT NULL` : sql``}
          )`.execute(db);
        },
      },
    ],
    async apply(e, trx, tables) {
      if (options.failOn?.(e)) throw new Error(`refusing ${e.type}`);
      const row: Record<string, unknown> = { stream_id: e.streamId, events: 1 };
      if (options.withLastType) row.last_type = e.type;
      await trx
        .insertInto(tables.stream_counts!)
        .values(row)
        .onConflict((oc) =>
          oc.column('stream_id').doUpdateSet({
            events: sql`${sql.table(tables.stream_counts!)}.events + 1`,
            ...(options.withLastType ? { last_type: e.type } : {}),
          }),
        )
        .execute();
      projector.applied += 1;
    },
  };
  return projector;
}

/** Logical view content as { stream: count }. */
export async function counts(db: Kysely<any>): Promise<Record<string, number>> {
  const { rows } = await sql<{ stream_id: string; events: number }>`SELECT stream_id, events FROM stream_counts ORDER BY stream_id`.execute(db);
  return Object.fromEntries(rows.map((r) => [r.stream_id, r.events]));
}

export function expectedCounts(appended: Array<{ stream: string }>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of appended) if (a.stream.startsWith('counter-')) out[a.stream] = (out[a.stream] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * Polls `predicate` until it holds. The bound is generous (a first generation of thousands of
 * events on a loaded 2-core CI runner took over 20 s): it catches a hang, not a slow machine;
 * tests that wait with it give themselves a longer jest timeout.
 */
export async function waitFor(what: string, predicate: () => Promise<boolean> | boolean, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  message: string;
  fields: Record<string, unknown>;
}

export function recordingLogger(): ProjectionLogger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  return {
    entries,
    info: (fields, message) => entries.push({ level: 'info', message, fields }),
    warn: (fields, message) => entries.push({ level: 'warn', message, fields }),
    error: (fields, message) => entries.push({ level: 'error', message, fields }),
  };
}
