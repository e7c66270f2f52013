import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { PostgresEventStore } from '#ardoise/event-store';
import { ProjectionRunner, silentProjectionLogger, type Projector, type RebuildProgress } from '#ardoise/projections';
import { tableChecksum } from '#ardoise/audit';
import { seedSchoolYearInto, type Scale } from '#ardoise/composition';
import { startCpuMeter, type CpuMeter } from './cpu-meter.js';

/**
 * `ardoise bench rebuild` (`npm run bench:rebuild`): every real read model rebuilt from zero
 * on a realistic log, against the raw read of the same log, in the same run.
 *
 * 1. Seed a school year through the real commands (`ardoise seed --scale`, the live
 *    projections following), then fingerprint every live read-model table (row count and
 *    checksum).
 * 2. Baseline: read the whole log (`$all`) through the store, without projecting.
 * 3. Rebuild every projector of the app from zero into new generations, side by side
 *    (ProjectionRunner.rebuildAll: batches, checkpoints, secondary indexes at the end, the
 *    blue/green switch — the production path), sampling the process's memory.
 * 4. Verify: every rebuilt table equals the live one it replaced (same rows).
 *
 * Per projection: the events it applied, the time its own batches took and the pace that
 * gives (`per_projection` in the JSON), and when it was switched.
 *
 * Last line, JSON: {"bench":"rebuild","events":…,"rebuild_events_per_s":…,"read_events_per_s":…,"ratio":…,"verified":…}
 */
export interface RebuildBenchmarkOptions {
  databaseUrl: string;
  projectors: readonly Projector[];
  scale: Scale;
  seed?: number;
  families?: number;
  months?: number;
  /** Projections rebuilt side by side (default 4). */
  concurrency?: number;
  /** Events per rebuild transaction (default: the runner's). */
  batchSize?: number;
  /** Rows held across pages for a projector that holds its rows (default: the runner's). */
  heldRows?: number;
  /**
   * Keep the log the database already holds (a previous run's seed) instead of seeding:
   * repeated measurements on the same log. Seeds when the log is empty.
   */
  reuseLog?: boolean;
  log?: (line: string) => void;
}

export async function runRebuildBenchmark(options: RebuildBenchmarkOptions): Promise<{ verified: boolean }> {
  const log = options.log ?? ((line: string) => console.log(line));
  const reused = options.reuseLog ? await loggedEvents(options.databaseUrl) : 0;
  let families: number | undefined;
  if (reused > 0) log(`reusing the ${reused} events already in the log (--reuse-log): not seeded again`);
  else {
    const seedStarted = performance.now();
    const seeded = await seedSchoolYearInto(options.databaseUrl, {
      scale: options.scale,
      seed: options.seed ?? 1,
      families: options.families,
      months: options.months,
      log,
    });
    families = seeded.families;
    log(
      `seeded ${seeded.events} events (${seeded.families} families, scale ${options.scale}) through the commands in ${((performance.now() - seedStarted) / 1000).toFixed(0)} s`,
    );
  }

  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 20 });
  pool.on('error', () => undefined);
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
  const store = new PostgresEventStore(pool, { notifyChannel: false });
  try {
    await sql`VACUUM ANALYZE events`.execute(db);
    const settings = await pool.query("SELECT version() AS version, current_setting('synchronous_commit') AS sc, current_setting('shared_buffers') AS sb");
    log(
      `PostgreSQL: ${settings.rows[0].version.split(',')[0]} (synchronous_commit=${settings.rows[0].sc}, shared_buffers=${settings.rows[0].sb}); ${cpus().length} CPUs`,
    );
    const tables = options.projectors.flatMap((p) => p.tables.map((t) => t.name));
    const live = await fingerprints(db, tables);

    // 2. Raw read of the whole log.
    const readCpu = startCpuMeter(new URL(options.databaseUrl).pathname.slice(1));
    const readStarted = performance.now();
    let events = 0;
    for await (const _event of store.readAll()) events += 1;
    const readSeconds = (performance.now() - readStarted) / 1000;
    const readCpuUsed = readCpu.stop();
    const readRate = Math.round(events / readSeconds);

    // 3. Rebuild everything from zero.
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
    const done = new Map<string, RebuildProgress>();
    const indexing = new Map<string, number>(); // when each projection's replay ended (its indexes and switch follow)
    const runner = new ProjectionRunner({
      pool,
      db,
      store,
      projectors: options.projectors,
      logger: silentProjectionLogger,
      rebuildBatchSize: options.batchSize,
      rebuildHeldRows: options.heldRows,
    });
    const rebuildCpu = startCpuMeter(new URL(options.databaseUrl).pathname.slice(1));
    const started = performance.now();
    let rebuildSeconds: number;
    let rebuildCpuUsed: ReturnType<CpuMeter['stop']>;
    try {
      await runner.rebuildAll({
        concurrency: options.concurrency ?? 4,
        onProgress: (p) => {
          if (p.phase === 'indexing' && !indexing.has(p.projection)) indexing.set(p.projection, p.elapsedMs);
          if (p.phase === 'done') done.set(p.projection, p);
        },
      });
      rebuildSeconds = (performance.now() - started) / 1000;
    } finally {
      rebuildCpuUsed = rebuildCpu.stop();
      clearInterval(sampler);
      await runner.stop();
    }
    const rebuildRate = Math.round(events / rebuildSeconds);

    // 4. Rebuilt == live.
    const rebuilt = await fingerprints(db, tables);
    const differing = tables.filter((t) => live[t]!.checksum !== rebuilt[t]!.checksum || live[t]!.rows !== rebuilt[t]!.rows);

    // Per projection: its own batches' time (events / that time = its own pace), when its
    // replay ended and when it was done (indexed and switched), since the start of the rebuild.
    const ownRate = (p: RebuildProgress) => Math.round((p.eventsApplied * 1000) / Math.max(1, p.applyingMs));
    log('');
    log(
      `${'projection'.padEnd(28)} ${'events'.padStart(9)} ${'own s'.padStart(8)} ${'events/s'.padStart(9)} ${'replayed'.padStart(9)} ${'done at s'.padStart(9)}`,
    );
    for (const projector of options.projectors) {
      const p = done.get(projector.name);
      if (p)
        log(
          `${projector.name.padEnd(28)} ${String(p.eventsApplied).padStart(9)} ${(p.applyingMs / 1000).toFixed(2).padStart(8)} ${String(ownRate(p)).padStart(9)} ${((indexing.get(p.projection) ?? 0) / 1000).toFixed(2).padStart(9)} ${(p.elapsedMs / 1000).toFixed(2).padStart(9)}`,
        );
    }
    log(`${'read $all (baseline)'.padEnd(28)} ${String(events).padStart(9)} ${readSeconds.toFixed(2).padStart(8)} ${String(readRate).padStart(9)}`);
    log(`${'rebuild all (wall clock)'.padEnd(28)} ${String(events).padStart(9)} ${rebuildSeconds.toFixed(2).padStart(8)} ${String(rebuildRate).padStart(9)}`);
    log(
      `CPU: read ${readCpuUsed.processSeconds} s in this process, ${readCpuUsed.postgresSeconds} s in PostgreSQL; rebuild ${rebuildCpuUsed!.processSeconds} s in this process, ${rebuildCpuUsed!.postgresSeconds} s in PostgreSQL`,
    );
    const load = loadavg().map((l) => l.toFixed(2));
    log(
      `peak memory (RSS): ${Math.round(peakRss / 1024 / 1024)} MiB; load average ${load.join(' ')}; tables compared: ${tables.length}, differing: ${differing.length ? differing.join(', ') : 'none'}`,
    );
    const result = {
      bench: 'rebuild',
      events,
      rebuild_events_per_s: rebuildRate,
      read_events_per_s: readRate,
      ratio: Number((rebuildRate / readRate).toFixed(3)),
      verified: differing.length === 0,
      rebuild_seconds: Number(rebuildSeconds.toFixed(2)),
      read_seconds: Number(readSeconds.toFixed(2)),
      peak_rss_mib: Math.round(peakRss / 1024 / 1024),
      read_cpu_s: { process: readCpuUsed.processSeconds, postgres: readCpuUsed.postgresSeconds },
      rebuild_cpu_s: { process: rebuildCpuUsed!.processSeconds, postgres: rebuildCpuUsed!.postgresSeconds },
      scale: reused > 0 ? undefined : options.scale, // a reused log: seeded by an earlier run
      families,
      load_average: Number(load[0]),
      per_projection: Object.fromEntries([...done.values()].map((p) => [p.projection, ownRate(p)])),
    };
    log(JSON.stringify(result));
    return { verified: result.verified };
  } finally {
    await store.close();
    await db.destroy();
  }
}

async function loggedEvents(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ exists: boolean }>("SELECT to_regclass('events') IS NOT NULL AS exists");
    if (!rows[0]!.exists) return 0;
    const counted = await client.query<{ n: string }>('SELECT count(*) AS n FROM events');
    return Number(counted.rows[0]!.n);
  } finally {
    await client.end();
  }
}

async function fingerprints(db: Kysely<any>, tables: readonly string[]): Promise<Record<string, { rows: number; checksum: string }>> {
  const out: Record<string, { rows: number; checksum: string }> = {};
  for (const table of tables) out[table] = await tableChecksum(db, table);
  return out;
}
