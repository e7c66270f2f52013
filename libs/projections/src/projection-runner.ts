import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { ProjectionHealth } from '#ardoise/contracts';
import { clientConfigOf } from '#ardoise/database';
import type { EventStore } from '#ardoise/event-store';
import type { Projector } from './projector.js';
import type { Generation } from './generation.js';
import { assertDistinctProjectors } from './table-names.js';
import { AdvisorySession } from './advisory-session.js';
import { GenerationBuilder } from './generation-builder.js';
import { ProjectionWorker } from './projection-worker.js';
import { defaultHealthOptions, projectionHealth, type ProjectionHealthOptions } from './projection-health.js';
import type { RebuildProgressListener } from './rebuild-progress.js';
import { UnknownProjectionError } from './errors.js';
import { waitForProjections } from './position-wait.js';
import { consoleProjectionLogger, type ProjectionLogger } from './logger.js';

export interface ProjectionRunnerOptions {
  /** The read-model database (the engine's migrations must have run: projectionMigrations). */
  pool: pg.Pool;
  store: EventStore;
  projectors: readonly Projector[];
  /** Kysely over `pool`; created when absent (and then never destroyed: the pool is the app's). */
  db?: Kysely<any>;
  logger?: ProjectionLogger;
  /** Shown in projection_runners; default `<hostname>:<pid>:<random>`. */
  runnerId?: string;
  /** Dedicated sessions for advisory locks; default `new pg.Client(pool.options)` with keep-alive. */
  createSession?: () => pg.Client;
  /** Events per transaction when following the log, at most (default 500). */
  batchSize?: number;
  /** Events per transaction when rebuilding a generation from the start (default REBUILD_BATCH_SIZE). */
  rebuildBatchSize?: number;
  /** Rows a rebuild holds across pages for a projector that `holdsRows` (default REBUILD_HELD_ROWS). */
  rebuildHeldRows?: number;
  /** How often a standby tries to take the lead (default 3000 ms). */
  standbyRetryMs?: number;
  /** Leader heartbeat period (default 5000 ms). */
  heartbeatMs?: number;
  /** Retry delays after a failure (default 250 ms doubling up to 5 s: back soon after a database outage). */
  backoff?: { initialMs?: number; maxMs?: number };
  health?: Partial<ProjectionHealthOptions>;
}

/**
 * Events per transaction of a rebuild (and per page of its shared read). Large, so that a
 * row's events mostly fall in ONE batch and the row is written once, not read back: a
 * basket's lines are requested and, thousands of events later, validated (counts in
 * docs/projections.md, Rebuilds).
 */
export const REBUILD_BATCH_SIZE = 50_000;

/**
 * Rows a rebuild holds in memory for a projector that `holdsRows`, across pages, before
 * writing them with the checkpoint (HeldRows): a basket's lines are validated a whole town's
 * requests after they were requested (400,000 events later in a city's log), so a row held
 * that long is written once instead of written, read back and written again. While one set is
 * written the next is folded: up to twice as many rows in memory (≈ 3 GiB at the peak of a
 * city's rebuild, reservations and billing inputs together).
 */
export const REBUILD_HELD_ROWS = 1_000_000;

/**
 * Runs a set of projectors: for each, at most one leader across all processes (advisory
 * lock) follows the log into the active generation; the others stand by and take over
 * when the leader's session ends. Also rebuilds (blue/green) and reports health.
 *
 * App wiring: runMigrations(db, …, projectionMigrations) first; then `start()` in a worker
 * (or the embedded single process), `stop()` on shutdown. An API-only process needs no
 * `start()` to call `health()` or `rebuild()`.
 */
export class ProjectionRunner {
  readonly runnerId: string;
  private readonly db: Kysely<any>;
  private readonly logger: ProjectionLogger;
  private readonly projectors: ReadonlyMap<string, Projector>;
  private readonly session: AdvisorySession;
  private readonly builder: GenerationBuilder;
  private readonly healthOptions: ProjectionHealthOptions;
  private workers: ProjectionWorker[] = [];
  private readonly rebuilds = new Set<AbortController>();

  constructor(private readonly options: ProjectionRunnerOptions) {
    assertDistinctProjectors(options.projectors);
    this.projectors = new Map(options.projectors.map((p) => [p.name, p]));
    this.db = options.db ?? new Kysely<any>({ dialect: new PostgresDialect({ pool: options.pool }) });
    this.logger = options.logger ?? consoleProjectionLogger;
    this.runnerId = options.runnerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    const createSession = options.createSession ?? (() => new pg.Client(clientConfigOf(options.pool)));
    this.session = new AdvisorySession(createSession);
    this.builder = new GenerationBuilder({
      db: this.db,
      pool: options.pool,
      store: options.store,
      createSession,
      logger: this.logger,
      batchSize: options.rebuildBatchSize ?? REBUILD_BATCH_SIZE,
      heldRows: options.rebuildHeldRows ?? REBUILD_HELD_ROWS,
      lockRetryMs: options.standbyRetryMs ?? 3000,
    });
    this.healthOptions = { ...defaultHealthOptions, ...options.health };
  }

  /** Starts one worker per projector (returns at once; leadership is taken in the background). */
  start(): void {
    if (this.workers.length > 0) return;
    this.workers = [...this.projectors.values()].map(
      (projector) =>
        new ProjectionWorker({
          db: this.db,
          store: this.options.store,
          projector,
          session: this.session,
          builder: this.builder,
          logger: this.logger,
          runnerId: this.runnerId,
          batchSize: this.options.batchSize ?? 500,
          standbyRetryMs: this.options.standbyRetryMs ?? 3000,
          heartbeatMs: this.options.heartbeatMs ?? 5000,
          backoff: { initialMs: this.options.backoff?.initialMs ?? 250, maxMs: this.options.backoff?.maxMs ?? 5_000 },
        }),
    );
    for (const worker of this.workers) worker.start();
  }

  /** Stops following, cancels rebuilds started here, releases the locks (lets a standby lead). */
  async stop(): Promise<void> {
    for (const rebuild of this.rebuilds) rebuild.abort();
    await Promise.all(this.workers.map((w) => w.stop()));
    this.workers = [];
    await this.session.close();
  }

  /** Whether this runner currently leads `projection`. */
  isLeader(projection: string): boolean {
    return this.workers.some((w) => w.name === projection && w.isLeader);
  }

  health(): Promise<ProjectionHealth[]> {
    return projectionHealth(this.db, this.options.store, [...this.projectors.values()], this.healthOptions);
  }

  /**
   * Rebuilds a projection into a new generation from the start of the log and switches to
   * it when caught up, while the live generation keeps serving and following (see
   * GenerationBuilder). Runs in this process whether or not it leads the projection.
   * Throws RebuildInProgressError when one is already running anywhere.
   */
  async rebuild(projection: string, onProgress?: RebuildProgressListener, options: { signal?: AbortSignal } = {}): Promise<Generation> {
    const projector = this.projectors.get(projection);
    if (!projector) throw new UnknownProjectionError(projection);
    const controller = new AbortController();
    const onAbort = () => controller.abort(options.signal?.reason);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    this.rebuilds.add(controller);
    try {
      return await this.builder.build(projector, { onProgress, signal: controller.signal, waitForLock: false });
    } finally {
      this.rebuilds.delete(controller);
      options.signal?.removeEventListener('abort', onAbort);
    }
  }

  /**
   * Rebuilds several projections (default: all) side by side: their read models are
   * independent (each has its own tables, checkpoint and locks), and the log is read once
   * for all of them (GenerationBuilder.buildAll); `concurrency` batches are written at once.
   */
  async rebuildAll(
    options: { only?: readonly string[]; concurrency?: number; onProgress?: RebuildProgressListener; signal?: AbortSignal } = {},
  ): Promise<Generation[]> {
    const names = options.only ? [...options.only] : this.projectorNames;
    const projectors = names.map((name) => {
      const projector = this.projectors.get(name);
      if (!projector) throw new UnknownProjectionError(name);
      return projector;
    });
    const controller = new AbortController();
    const onAbort = () => controller.abort(options.signal?.reason);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    this.rebuilds.add(controller);
    try {
      return await this.builder.buildAll(projectors, {
        onProgress: options.onProgress,
        signal: controller.signal,
        waitForLock: false,
        concurrency: Math.max(1, options.concurrency ?? 4),
      });
    } finally {
      this.rebuilds.delete(controller);
      options.signal?.removeEventListener('abort', onAbort);
    }
  }

  /**
   * Read-your-writes: waits (at most `timeoutMs`) until the named projections (default: all)
   * have passed the encoded store position `position` (an `Ardoise-Position` a command
   * answered). Returns the names still behind: [] when passed. A malformed position throws
   * the store codec's ValidationError; an unknown name, UnknownProjectionError.
   */
  async waitForPosition(position: string, options: { projections?: readonly string[]; timeoutMs: number; signal?: AbortSignal }): Promise<string[]> {
    const decoded = this.options.store.positions.decode(position);
    const names = options.projections ?? this.projectorNames;
    const projectors = names.map((name) => {
      const projector = this.projectors.get(name);
      if (!projector) throw new UnknownProjectionError(name);
      return projector;
    });
    return waitForProjections(this.db, this.options.store, projectors, decoded, options);
  }

  get projectorNames(): string[] {
    return [...this.projectors.keys()];
  }
}
