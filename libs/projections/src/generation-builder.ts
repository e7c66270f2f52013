import { performance } from 'node:perf_hooks';
import type { Kysely, Transaction } from 'kysely';
import type pg from 'pg';
import { type EventStore, type RecordedEvent } from '#ardoise/event-store';
import { isBehind, replayShared } from './shared-replay.js';
import type { BatchContext, Projector } from './projector.js';
import type { Generation } from './generation.js';
import { generationRegistry } from './generation-registry.js';
import { applyBatch, applyEvents, checkGeneration } from './apply-batch.js';
import { AdvisorySession, rebuildLockKey } from './advisory-session.js';
import { physicalTableName, physicalTableNames } from './table-names.js';
import { dropGenerationTables, dropViews, pointViewsAt } from './read-model-views.js';
import { ProgressMeter, type RebuildProgressListener } from './rebuild-progress.js';
import { OutdatedProjectorError, ProjectionBatchError, RebuildInProgressError } from './errors.js';
import { inParallel, sleep } from '#ardoise/kernel';
import type { ProjectionLogger } from './logger.js';
import { WrittenKeys } from './written-keys.js';
import type { CopyableTables } from './bulk-insert.js';
import { HeldPages } from './held-pages.js';

export interface GenerationBuilderDeps {
  db: Kysely<any>;
  /** The pool `db` runs on: a rebuild's batches take their client from it (COPY, see BulkInsert). */
  pool: pg.Pool;
  store: EventStore;
  /** A new, unconnected client for a dedicated session (the rebuild lock). */
  createSession: () => pg.Client;
  logger: ProjectionLogger;
  /** Events per transaction while replaying into a new generation (bigger than live batches). */
  batchSize: number;
  /** Rows a projector that `holdsRows` keeps across pages before writing them (see HeldRows). */
  heldRows: number;
  lockRetryMs: number;
}

export interface BuildOptions {
  onProgress?: RebuildProgressListener;
  signal?: AbortSignal;
  /** Wait for a rebuild running elsewhere to finish (true) or throw RebuildInProgressError. */
  waitForLock?: boolean;
}

/**
 * Builds a new generation of a projection beside the live one and switches to it:
 *
 * 1. under the projection's rebuild lock (one builder at a time, across processes),
 *    resume the 'building' generation left by a crashed rebuild of the same version, or
 *    create generation N+1's tables;
 * 2. replay the log from the start into them, batch by batch, each batch committing its
 *    writes and the generation's checkpoint together (so a crash resumes, never repeats);
 *    the tables have only their keys meanwhile, the next page is read while a batch is
 *    written, and the secondary indexes (ReadModelTable.indexes) are built at the end;
 * 3. when a read finds nothing more, in ONE transaction: lock the active generation's
 *    registry row (the live runner's batches take the same lock first, so none runs
 *    meanwhile), check N+1 is not behind N, point the views at N+1, mark N+1 active and N
 *    retired, drop N's tables.
 *
 * Hand-over: the live runner's next batch finds its generation retired (GenerationChangedError),
 * rolls back, and resumes on N+1 from N+1's checkpoint. Every event up to that checkpoint
 * is in N+1; every later one is still to come from the live subscription. Nothing is lost
 * or applied twice, whichever process runs the builder.
 */
export class GenerationBuilder {
  constructor(private readonly deps: GenerationBuilderDeps) {}

  async build(projector: Projector, options: BuildOptions = {}): Promise<Generation> {
    const session = new AdvisorySession(this.deps.createSession);
    try {
      const lane = await this.prepare(session, projector, options);
      return await this.finish(lane, options.signal);
    } finally {
      await session.close();
    }
  }

  /**
   * Rebuilds several projections side by side, reading the log ONCE for all of them: each
   * page of `$all` (the union of their filters) is split in memory by each projector's
   * filter and applied to each generation in its own transaction, `concurrency` at a time,
   * while the next page is read. A projection that saw nothing in a page does not write;
   * at the end of the shared read every checkpoint is moved to where the read stopped (a
   * checkpoint-only transaction), so each projection's own catch-up, index build and
   * switch (as in `build`) read only what was appended meanwhile. Reading the log once per
   * projection cost as much as the whole rebuild of the small ones.
   */
  async buildAll(projectors: readonly Projector[], options: BuildOptions & { concurrency: number }): Promise<Generation[]> {
    const sessions = projectors.map(() => new AdvisorySession(this.deps.createSession));
    try {
      const lanes: Lane[] = [];
      for (const [i, projector] of projectors.entries()) lanes.push(await this.prepare(sessions[i]!, projector, options));
      await this.sharedReplay(lanes, options.concurrency, options.signal);
      const results: Generation[] = new Array(lanes.length);
      await inParallel(lanes, options.concurrency, async (lane, i) => {
        results[i] = await this.finish(lane, options.signal);
      });
      return results;
    } finally {
      await Promise.all(sessions.map((s) => s.close()));
    }
  }

  /** Takes the rebuild lock, resumes or creates the generation. */
  private async prepare(session: AdvisorySession, projector: Projector, options: BuildOptions): Promise<Lane> {
    const { logger } = this.deps;
    await this.lock(session, projector.name, options);
    const live = await generationRegistry.active(this.deps.db, projector.name);
    if (live && live.version > projector.version) throw new OutdatedProjectorError(projector.name, projector.version, live.version);
    const { generation, created } = await this.resumeOrCreate(projector);
    logger.info(
      { projection: projector.name, generation: generation.generation, version: projector.version, resumedAt: generation.eventsApplied },
      'projection rebuild started',
    );
    const meter = new ProgressMeter(projector.name, generation.generation, generation.eventsApplied, live ? live.eventsApplied : null, options.onProgress);
    meter.report('replaying');
    // Created empty here: this builder knows every key it writes (see WrittenKeys).
    const context: BatchContext = created ? { writtenKeys: new WrittenKeys() } : {};
    return { projector, generation, position: generation.position, meter, live, context, copyable: new Map() };
  }

  /** Replays what is left, builds the indexes, switches. */
  private async finish(lane: Lane, signal: AbortSignal | undefined): Promise<Generation> {
    const { projector, generation, meter, live } = lane;
    const position = await this.replay(lane, lane.position, signal);
    signal?.throwIfAborted();
    meter.report('indexing');
    await this.createIndexes(projector, generation);
    meter.report('switching');
    const activated = await this.switchTo(lane, position, signal);
    lane.context = {}; // the generation is live now: other writers may write it
    meter.report('done');
    this.deps.logger.info(
      {
        projection: projector.name,
        generation: activated.generation,
        version: activated.version,
        eventsApplied: activated.eventsApplied,
        retired: live?.generation ?? null,
      },
      'projection generation activated',
    );
    return activated;
  }

  /** The shared read of `buildAll` (see replayShared). */
  private sharedReplay(lanes: Lane[], concurrency: number, signal: AbortSignal | undefined): Promise<void> {
    const { db, store, batchSize } = this.deps;
    return replayShared(lanes, {
      db,
      store,
      batchSize,
      concurrency,
      signal,
      heldPages: (lane) => this.heldPages(lane),
      applyPage: (lane, events) => this.applyPage(lane, lane.position, events),
    });
  }

  /** For a projector that holds its rows across pages, in a rebuild into a generation created empty. */
  private heldPages(lane: Lane): HeldPages | undefined {
    if (!lane.projector.holdsRows || !lane.context.writtenKeys) return undefined;
    const { pool, createSession, store, heldRows } = this.deps;
    return new HeldPages({ pool, createSession, positions: store.positions, limit: heldRows }, lane);
  }

  private async lock(session: AdvisorySession, projection: string, options: BuildOptions): Promise<void> {
    while (!(await session.tryLock(rebuildLockKey(projection)))) {
      if (!options.waitForLock) throw new RebuildInProgressError(projection);
      options.signal?.throwIfAborted();
      await sleep(this.deps.lockRetryMs, options.signal);
    }
  }

  /** The generation to replay into, and whether it was created (empty) just now. */
  private async resumeOrCreate(projector: Projector): Promise<{ generation: Generation; created: boolean }> {
    const { db } = this.deps;
    const tables = projector.tables.map((t) => t.name);
    const existing = await generationRegistry.building(db, projector.name);
    if (existing && existing.version === projector.version && sameTables(existing.tables, tables)) return { generation: existing, created: false };
    const generation = await db.transaction().execute(async (trx) => {
      if (existing) await discard(trx, existing);
      const number = await generationRegistry.nextGenerationNumber(trx, projector.name);
      for (const table of projector.tables) {
        const physical = physicalTableName(table.name, number);
        await table.create(trx, physical);
      }
      return generationRegistry.insertBuilding(trx, { projection: projector.name, generation: number, version: projector.version, tables });
    });
    return { generation, created: true };
  }

  /**
   * Replays into the new generation until the log has nothing more for it (for now). The
   * next page is read while the current one is written.
   */
  private async replay(lane: Lane, position: string | null, signal?: AbortSignal): Promise<string | null> {
    const { store } = this.deps;
    const { projector, meter } = lane;
    const held = this.heldPages(lane);
    try {
      let page = this.readPage(projector, position);
      while (true) {
        signal?.throwIfAborted();
        const events = await page;
        if (events.length === 0) break;
        page = this.readPage(projector, store.positions.encode(events[events.length - 1]!.position));
        page.catch(() => undefined); // surfaced when awaited
        const started = performance.now();
        if (held) {
          await held.fold(events);
          if (held.full) position = await held.write(position);
        } else position = await this.applyPage(lane, position, events);
        meter.add(events.length, 'replaying', performance.now() - started);
      }
      if (!held) return position;
      position = await held.write(position);
      await held.drain();
      return position;
    } finally {
      await held?.close();
    }
  }

  /** One batch; when it fails without naming its event, its events one by one (the fault is then named). */
  private async applyPage(lane: Lane, position: string | null, events: RecordedEvent[]): Promise<string | null> {
    const { db, store } = this.deps;
    const target = {
      projector: lane.projector,
      generation: lane.generation,
      expectedStatus: 'building' as const,
      context: lane.context,
      bulk: { pool: this.deps.pool, copyable: lane.copyable },
    };
    try {
      return await applyBatch(db, store.positions, { ...target, expectedPosition: position }, events);
    } catch (error) {
      if (!(error instanceof ProjectionBatchError)) throw error;
      for (const event of events) position = await applyBatch(db, store.positions, { ...target, expectedPosition: position }, [event]);
      return position;
    }
  }

  /** Secondary indexes, once the bulk of the rows is written (IF NOT EXISTS: a resumed rebuild). */
  private async createIndexes(projector: Projector, generation: Generation): Promise<void> {
    for (const table of projector.tables) {
      if (table.indexes) await table.indexes(this.deps.db, physicalTableName(table.name, generation.generation));
    }
  }

  /**
   * Switches once the new generation has caught up: in one transaction, lock the active
   * row (no live batch meanwhile), check the new generation is where the replay left it,
   * point the views, swap the statuses, drop the old tables.
   *
   * No step back for readers: when the live generation (same version, same filter) has
   * applied events the new one has not (it committed a batch between our last read and our
   * lock), roll back, catch up again and retry; after a few tries, read the missing events
   * inside the transaction instead (they are all visible already; with the PostgreSQL
   * store that read waits up to its settle time, since our own transaction is open).
   */
  private async switchTo(lane: Lane, position: string | null, signal?: AbortSignal): Promise<Generation> {
    const { db, store } = this.deps;
    const { projector, generation, meter } = lane;
    const tables = physicalTableNames(generation.tables, generation.generation);
    for (let attempt = 1; ; attempt += 1) {
      const from = position;
      const result = await db.transaction().execute(async (trx) => {
        // Lock order: active row, then building row (live batches lock only the active row).
        const live = await generationRegistry.lockActive(trx, projector.name);
        await checkGeneration(trx, { generation, expectedStatus: 'building', expectedPosition: from });
        let at = from;
        if (live && live.version === projector.version && isBehind(store.positions, at, live.position)) {
          if (attempt < MAX_SWITCH_ATTEMPTS) return undefined;
          let applied = 0;
          while (isBehind(store.positions, at, live.position)) {
            const events = await this.readPage(projector, at);
            if (events.length === 0) break;
            await applyEvents(trx, projector, tables, events, lane.context);
            at = store.positions.encode(events[events.length - 1]!.position);
            applied += events.length;
          }
          if (applied > 0) {
            await generationRegistry.saveCheckpoint(trx, projector.name, generation.generation, at!, applied);
            meter.add(applied, 'switching');
          }
        }
        if (live) await generationRegistry.setStatus(trx, projector.name, live.generation, 'retired');
        await generationRegistry.setStatus(trx, projector.name, generation.generation, 'active');
        await pointViewsAt(trx, generation.tables, generation.generation);
        if (live) {
          await dropViews(
            trx,
            live.tables.filter((t) => !generation.tables.includes(t)),
          );
          await dropGenerationTables(trx, live.tables, live.generation);
        }
        return (await generationRegistry.lock(trx, projector.name, generation.generation))!;
      });
      if (result) return result;
      this.deps.logger.info(
        { projection: projector.name, generation: generation.generation, attempt },
        'projection rebuild: the live generation moved ahead; catching up again before switching',
      );
      position = await this.replay(lane, position, signal);
    }
  }

  private async readPage(projector: Projector, position: string | null): Promise<RecordedEvent[]> {
    const { store, batchSize } = this.deps;
    const events: RecordedEvent[] = [];
    const fromPosition = position === null ? undefined : store.positions.decode(position);
    // settleMs 0: what is final now, without waiting for other writers' transactions (the
    // rebuilds running beside this one have theirs open); the switch catches up the rest.
    for await (const event of store.readAll({ fromPosition, maxCount: batchSize, filter: projector.filter, settleMs: 0 })) events.push(event);
    return events;
  }
}

/** Abandons a 'building' generation of another version (or table set): retired, tables dropped. */
async function discard(trx: Transaction<any>, generation: Generation): Promise<void> {
  await generationRegistry.lock(trx, generation.projection, generation.generation);
  await generationRegistry.setStatus(trx, generation.projection, generation.generation, 'retired');
  await dropGenerationTables(trx, generation.tables, generation.generation);
}

const MAX_SWITCH_ATTEMPTS = 5;

interface Lane {
  projector: Projector;
  generation: Generation;
  position: string | null;
  meter: ProgressMeter;
  live: Generation | undefined;
  /** Handed to every batch of the replay (WrittenKeys when the generation was created empty). */
  context: BatchContext;
  /** Which of its tables take COPY (see BulkInsert). */
  copyable: CopyableTables;
}

function sameTables(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join(',') === [...b].sort().join(',');
}
