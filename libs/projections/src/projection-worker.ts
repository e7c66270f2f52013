import type { Kysely } from 'kysely';
import type { EventStore, Position, Subscription } from '#ardoise/event-store';
import type { Projector } from './projector.js';
import type { Generation } from './generation.js';
import { generationRegistry } from './generation-registry.js';
import { applyBatch } from './apply-batch.js';
import { inBatches, readAhead } from './batches.js';
import { Backoff, sleep } from '#ardoise/kernel';
import { leaderLockKey, type AdvisorySession } from './advisory-session.js';
import { runnerStatus } from './runner-status.js';
import { describeError, GenerationChangedError, ProjectionBatchError, ProjectionHandlerError } from './errors.js';
import type { GenerationBuilder } from './generation-builder.js';
import type { ProjectionLogger } from './logger.js';

export interface ProjectionWorkerDeps {
  db: Kysely<any>;
  store: EventStore;
  projector: Projector;
  /** The runner's lock session (shared by its workers; one lock per projection). */
  session: AdvisorySession;
  builder: GenerationBuilder;
  logger: ProjectionLogger;
  runnerId: string;
  batchSize: number;
  standbyRetryMs: number;
  heartbeatMs: number;
  backoff: { initialMs: number; maxMs: number };
}

/**
 * Keeps one projection up to date, if this process is its leader:
 * standby → (advisory lock won) → leader: build a generation if none is active or the
 * active one has another version, then follow the log from the active generation's
 * checkpoint, batch by batch. Errors are logged and retried with backoff from the stored
 * checkpoint: an event is never skipped.
 */
export class ProjectionWorker {
  private readonly abort = new AbortController();
  private loop?: Promise<void>;
  private subscription?: Subscription;
  private heartbeat?: NodeJS.Timeout;
  private readonly backoff: Backoff;
  private readonly key: string;
  private errorRecorded = false;
  private unsubscribeLost?: () => void;
  /** After a batch failed without naming its event: apply one event per batch up to here. */
  private stepThrough?: Position;

  constructor(private readonly deps: ProjectionWorkerDeps) {
    this.backoff = new Backoff({ initialMs: deps.backoff.initialMs, maxMs: deps.backoff.maxMs, jitter: 0.25 });
    this.key = leaderLockKey(deps.projector.name);
  }

  get name(): string {
    return this.deps.projector.name;
  }

  get isLeader(): boolean {
    return this.deps.session.holds(this.key);
  }

  start(): void {
    if (this.loop) return;
    this.unsubscribeLost = this.deps.session.onLost((keys, reason) => {
      if (!keys.includes(this.key)) return;
      this.deps.logger.warn({ projection: this.name, error: describeError(reason) }, 'projection leadership lost');
      this.stopHeartbeat();
      void this.subscription?.close();
    });
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.subscription?.close().catch(() => undefined);
    await this.loop;
    this.unsubscribeLost?.();
    if (this.isLeader) {
      await this.standDown().catch(() => undefined);
      this.deps.logger.info({ projection: this.name, runnerId: this.deps.runnerId }, 'projection leadership released');
    }
    this.stopHeartbeat();
  }

  private get stopping(): boolean {
    return this.abort.signal.aborted;
  }

  private async run(): Promise<void> {
    const { logger } = this.deps;
    while (!this.stopping) {
      try {
        if (!this.isLeader && !(await this.becomeLeader())) {
          await sleep(this.deps.standbyRetryMs, this.abort.signal);
          continue;
        }
        await this.lead();
      } catch (error) {
        if (this.stopping) break;
        const delayMs = this.backoff.next();
        const fields: Record<string, unknown> = { projection: this.name, error: describeError(error), attempt: this.backoff.attempts, retryInMs: delayMs };
        if (error instanceof ProjectionHandlerError) Object.assign(fields, { eventId: error.eventId, eventType: error.eventType, streamId: error.streamId });
        logger.error(fields, 'projection failed; retrying from its checkpoint');
        await this.recordError(error);
        await sleep(delayMs, this.abort.signal);
      }
    }
  }

  private async becomeLeader(): Promise<boolean> {
    const { session, logger, runnerId } = this.deps;
    if (!(await session.tryLock(this.key))) return false;
    await runnerStatus.becameLeader(session, this.name, runnerId);
    this.errorRecorded = false;
    this.startHeartbeat();
    logger.info({ projection: this.name, runnerId }, 'projection leadership acquired');
    return true;
  }

  /** One leadership round: returns when the active generation changed; throws on failure. */
  private async lead(): Promise<void> {
    const { db, projector, builder, logger } = this.deps;
    const active = await generationRegistry.active(db, projector.name);
    if (active && active.version > projector.version) {
      // A rolling deploy: a newer process must lead; never rebuild back to an older version.
      logger.warn(
        { projection: projector.name, version: projector.version, activeVersion: active.version },
        'a newer version of this projection is active: this runner is outdated and stands down',
      );
      await this.standDown();
      await sleep(this.deps.standbyRetryMs * 5, this.abort.signal);
      return;
    }
    if (!active || active.version !== projector.version) {
      logger.info(
        { projection: projector.name, activeGeneration: active?.generation ?? null, activeVersion: active?.version ?? null, version: projector.version },
        active
          ? 'projection version changed: building a new generation (the old one stays readable, frozen)'
          : 'projection has no generation yet: building one',
      );
      await builder.build(projector, {
        waitForLock: true,
        signal: this.abort.signal,
        onProgress: (p) => {
          if (p.phase !== 'replaying') logger.info({ ...p }, `projection rebuild ${p.phase}`);
        },
      });
      return;
    }
    await this.follow(active);
  }

  private async follow(generation: Generation): Promise<void> {
    const { db, store, projector, batchSize, logger } = this.deps;
    let position = generation.position;
    const subscription = store.subscribeToAll({
      fromPosition: position === null ? undefined : store.positions.decode(position),
      filter: projector.filter,
    });
    this.subscription = subscription;
    try {
      if (this.stopping || !this.isLeader) return;
      const size = () => (this.stepThrough ? 1 : batchSize);
      // Read ahead while a batch is applied: the next one is ready when the transaction ends.
      for await (const batch of inBatches(readAhead(subscription, 2 * batchSize), size)) {
        if (this.stopping || !this.isLeader) return;
        try {
          position = await applyBatch(db, store.positions, { projector, generation, expectedStatus: 'active', expectedPosition: position }, batch);
        } catch (error) {
          // Which event failed is unknown: retry from the checkpoint one event at a time.
          if (error instanceof ProjectionBatchError) this.stepThrough = batch[batch.length - 1]!.position;
          throw error;
        }
        const last = batch[batch.length - 1]!.position;
        if (this.stepThrough && store.positions.compare(last, this.stepThrough) >= 0) this.stepThrough = undefined;
        this.backoff.reset();
        if (this.errorRecorded) await this.clearError();
      }
    } catch (error) {
      if (error instanceof GenerationChangedError) {
        const log = error.reason === 'checkpoint' ? logger.warn : logger.info;
        log.call(
          logger,
          { projection: this.name, generation: generation.generation, reason: error.reason },
          'projection generation changed; resuming from the registry',
        );
        return;
      }
      throw error;
    } finally {
      this.subscription = undefined;
      await subscription.close().catch(() => undefined);
    }
  }

  private async standDown(): Promise<void> {
    this.stopHeartbeat();
    await this.deps.session.unlock(this.key);
  }

  private startHeartbeat(): void {
    this.stopHeartbeat();
    const { session, runnerId, logger, heartbeatMs } = this.deps;
    this.heartbeat = setInterval(() => {
      if (!this.isLeader) return this.stopHeartbeat();
      runnerStatus.heartbeat(session, this.name, runnerId).catch((error: unknown) => {
        logger.warn({ projection: this.name, error: describeError(error) }, 'projection heartbeat failed');
      });
    }, heartbeatMs);
    this.heartbeat.unref();
  }

  private stopHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }

  private async recordError(error: unknown): Promise<void> {
    if (!this.isLeader) return;
    try {
      const event =
        error instanceof ProjectionHandlerError
          ? { id: error.eventId, type: error.eventType, streamId: error.streamId, position: this.deps.store.positions.encode(error.eventPosition) }
          : null;
      await runnerStatus.recordError(
        this.deps.db,
        this.name,
        this.deps.runnerId,
        describeError(error instanceof ProjectionHandlerError ? error.cause : error),
        event,
      );
      this.errorRecorded = true;
    } catch {
      // the database is probably what failed; the log line above is the record
    }
  }

  private async clearError(): Promise<void> {
    await runnerStatus.clearError(this.deps.db, this.name, this.deps.runnerId);
    this.errorRecorded = false;
  }
}
