import type { Kysely, Transaction } from 'kysely';
import type pg from 'pg';
import { bulkInsertOn, inClientTransaction, type CopyableTables } from './bulk-insert.js';
import type { PositionCodec, RecordedEvent } from '#ardoise/event-store';
import { upcastEvent } from '#ardoise/kernel';
import type { BatchContext, Projector, TableNames } from './projector.js';
import type { Generation, GenerationStatus } from './generation.js';
import { generationRegistry } from './generation-registry.js';
import { GenerationChangedError, ProjectionBatchError, ProjectionHandlerError } from './errors.js';
import { physicalTableNames } from './table-names.js';

/**
 * Applies events in order inside `trx`, each at its current schema version (upcast: libs/kernel
 * event-schemas.ts), through the projector's `applyBatch` when it has one
 * (one call for the whole batch), else `apply` event by event. Errors come out as a
 * ProjectionHandlerError naming the event at fault, or a ProjectionBatchError when a batch
 * projector failed outside any one event's fold (retry the events one by one to find it).
 */
export async function applyEvents(
  trx: Transaction<any>,
  projector: Projector,
  tables: TableNames,
  stored: readonly RecordedEvent[],
  context: BatchContext = {},
): Promise<void> {
  if (stored.length === 0) return;
  const events = stored.map(upcastEvent);
  if (projector.applyBatch) {
    try {
      await projector.applyBatch(events, trx, tables, context);
    } catch (error) {
      if (error instanceof ProjectionHandlerError) throw error;
      if (events.length === 1) throw new ProjectionHandlerError(projector.name, events[0]!, error);
      throw new ProjectionBatchError(projector.name, events.length, error);
    }
    return;
  }
  for (const event of events) {
    try {
      await projector.apply!(event, trx, tables);
    } catch (error) {
      throw new ProjectionHandlerError(projector.name, event, error);
    }
  }
}

/**
 * For batch projectors: runs `fold` on each event in order, turning an error into a
 * ProjectionHandlerError that names the event (so health shows which one stalls the projection).
 */
export function foldEach<E extends RecordedEvent>(projection: string, events: readonly E[], fold: (event: E) => void): void {
  for (const event of events) {
    try {
      fold(event);
    } catch (error) {
      throw new ProjectionHandlerError(projection, event, error);
    }
  }
}

export interface BatchTarget {
  projector: Projector;
  generation: Pick<Generation, 'projection' | 'generation' | 'tables'>;
  /** The status the writer believes the generation has ('active' live, 'building' rebuild). */
  expectedStatus: GenerationStatus;
  /** The checkpoint the writer last saw (encoded); the batch must start right after it. */
  expectedPosition: string | null;
  /** Handed to the projector's batches (a rebuild's WrittenKeys). */
  context?: BatchContext;
  /**
   * With `context.writtenKeys` (a rebuild into a generation created empty): run the batch on
   * a client of this pool, whose COPY the RowSets use for the rows no earlier batch wrote
   * (`context.bulk`).
   */
  bulk?: { pool: pg.Pool; copyable: CopyableTables };
}

/**
 * One transaction: claim the batch — in one statement, lock the generation's registry row,
 * check it is still what the writer believes (status and checkpoint: a compare-and-set that
 * fences off any second writer) and move the checkpoint to the batch's last event
 * (generationRegistry.claimBatch) — then apply the events. Either everything commits or
 * nothing does. Returns the new encoded checkpoint.
 *
 * A rebuild's batch (status 'building') commits without waiting for the WAL flush
 * (synchronous_commit off): a crash may lose its last batches, writes and checkpoint
 * together, and the rebuild resumes from the checkpoint that survived. Live batches wait
 * (an acknowledged checkpoint is what read-your-writes and health report).
 */
export async function applyBatch(db: Kysely<any>, positions: PositionCodec, target: BatchTarget, events: readonly RecordedEvent[]): Promise<string | null> {
  if (events.length === 0) return target.expectedPosition;
  const { projector, generation } = target;
  const position = positions.encode(events[events.length - 1]!.position);
  const tables = physicalTableNames(generation.tables, generation.generation);
  const { bulk } = target;
  if (bulk && target.context?.writtenKeys) {
    return inClientTransaction(bulk.pool, async (trx, client) => {
      await claimCheckpoint(trx, target, position, events.length);
      await applyEvents(trx, projector, tables, events, { ...target.context, bulk: bulkInsertOn(client, trx, bulk.copyable) });
      return position;
    });
  }
  return db.transaction().execute(async (trx) => {
    await claimCheckpoint(trx, target, position, events.length);
    await applyEvents(trx, projector, tables, events, target.context);
    return position;
  });
}

/**
 * Moves the checkpoint of `target` to `position` if it still is what the writer believes,
 * else throws GenerationChangedError naming what changed (read under the row lock).
 */
export async function claimCheckpoint(trx: Transaction<any>, target: Omit<BatchTarget, 'projector'>, position: string, applied: number): Promise<void> {
  const { projection, generation } = target.generation;
  const claimed = await generationRegistry.claimBatch(trx, {
    projection,
    generation,
    expectedStatus: target.expectedStatus,
    expectedPosition: target.expectedPosition,
    position,
    applied,
    asynchronousCommit: target.expectedStatus === 'building',
  });
  if (claimed) return;
  await checkGeneration(trx, target);
  throw new GenerationChangedError(projection, generation, 'checkpoint'); // unreachable in practice: the claim saw it changed
}

/** Locks the registry row and throws GenerationChangedError unless it matches `target`. */
export async function checkGeneration(trx: Transaction<any>, target: Omit<BatchTarget, 'projector'>): Promise<Generation> {
  const { projection, generation } = target.generation;
  const row = await generationRegistry.lock(trx, projection, generation);
  if (!row) throw new GenerationChangedError(projection, generation, 'missing');
  if (row.status !== target.expectedStatus) throw new GenerationChangedError(projection, generation, 'status');
  if (row.position !== target.expectedPosition) throw new GenerationChangedError(projection, generation, 'checkpoint');
  return row;
}
