import type { ControlledTransaction } from 'kysely';
import type pg from 'pg';
import type { PositionCodec, RecordedEvent } from '#ardoise/event-store';
import { applyEvents, claimCheckpoint } from './apply-batch.js';
import { bulkInsertOn, inClientTransaction, kyselyOn, type CopyableTables } from './bulk-insert.js';
import { HeldRows } from './held-rows.js';
import type { BatchContext, Projector } from './projector.js';
import type { Generation } from './generation.js';
import { physicalTableNames } from './table-names.js';

export interface HeldPagesDeps {
  pool: pg.Pool;
  /** A new, unconnected client: the session the pages are folded in (not one of the pool's). */
  createSession: () => pg.Client;
  positions: PositionCodec;
  /**
   * Rows held before they are written (memory: a few hundred bytes each; up to twice as many
   * in memory while one set is written and the next folded).
   */
  limit: number;
}

export interface HeldPagesTarget {
  projector: Projector;
  generation: Pick<Generation, 'projection' | 'generation' | 'tables'>;
  /** The rebuild's context (its WrittenKeys). */
  context: BatchContext;
  copyable: CopyableTables;
}

/**
 * One projection's pages of a rebuild, folded into rows held in memory (HeldRows) and written
 * together: `fold` runs the projector on a page in a READ ONLY transaction (it loads what
 * earlier writes hold; any write would fail there, not escape the checkpoint), `write` sends
 * every held row and moves the checkpoint to the last page folded, in one transaction (new
 * rows by COPY). What the log held between two writes commits at once or not at all, as a
 * batch does; a crash resumes from the last write.
 *
 * The pages are folded in one READ ONLY transaction of a session of their own, opened at the
 * first page and ended by `close` (call it however the rebuild ends): a page, often a few
 * hundred events in a shared replay, costs no round trip unless it loads rows. READ COMMITTED,
 * so each load sees every write committed before it, and no snapshot is held between
 * statements (nothing held back from vacuum). Its own session, not a client of the pool: the
 * folds never wait for, nor hold, one of the pool's connections.
 */
export class HeldPages {
  private held = new HeldRows();
  private events = 0;
  private last: string | null = null;
  private reading: { client: pg.Client; trx: ControlledTransaction<any> } | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: HeldPagesDeps,
    private readonly target: HeldPagesTarget,
  ) {}

  /** Whether a page was folded since the last write. */
  get pending(): boolean {
    return this.events > 0;
  }

  /** Whether the rows held reached the limit: time to write. */
  get full(): boolean {
    return this.held.size >= this.deps.limit;
  }

  async fold(events: readonly RecordedEvent[]): Promise<void> {
    if (events.length === 0) return;
    const { projector, generation } = this.target;
    const tables = physicalTableNames(generation.tables, generation.generation);
    const context = { ...this.target.context, held: this.held };
    this.reading ??= await this.openReading();
    await applyEvents(this.reading.trx, projector, tables, events, context);
    this.events += events.length;
    this.last = this.deps.positions.encode(events[events.length - 1]!.position);
  }

  /**
   * Starts writing the held rows and the checkpoint (from `expectedPosition`) once the write
   * before is done, and returns the checkpoint it commits. Folding goes on meanwhile, into new
   * rows that copy a row being written on first use (HeldRows): the process folds while
   * PostgreSQL writes. A failed write surfaces at the next `write` or at `drain`.
   */
  async write(expectedPosition: string | null): Promise<string | null> {
    await this.writing;
    if (!this.pending) return expectedPosition;
    const position = this.last!;
    const rows = this.held;
    const events = this.events;
    rows.settle(); // the rows before these are committed
    this.held = new HeldRows(rows);
    this.events = 0;
    this.last = null;
    const { generation, context, copyable } = this.target;
    this.writing = inClientTransaction(this.deps.pool, async (trx, client) => {
      await claimCheckpoint(trx, { generation, expectedStatus: 'building', expectedPosition }, position, events);
      await rows.flush(trx, { ...context, bulk: bulkInsertOn(client, trx, copyable) });
    });
    this.writing.catch(() => undefined); // surfaced by the next write or drain
    return position;
  }

  /** Waits for the write under way (throws its failure). */
  async drain(): Promise<void> {
    await this.writing;
  }

  /** Ends the folding session (its READ ONLY transaction: nothing to keep), once no write is under way. */
  async close(): Promise<void> {
    await this.writing.catch(() => undefined); // a failure is the caller's (drain)
    const reading = this.reading;
    this.reading = undefined;
    if (!reading) return;
    try {
      await reading.trx.rollback().execute();
    } catch {
      // the session failed with the fold: ending it is all that is left
    } finally {
      await reading.client.end().catch(() => undefined);
    }
  }

  private async openReading(): Promise<{ client: pg.Client; trx: ControlledTransaction<any> }> {
    const client = this.deps.createSession();
    client.on('error', () => undefined); // surfaced by the statement that fails
    await client.connect();
    try {
      return { client, trx: await kyselyOn(client).startTransaction().setAccessMode('read only').execute() };
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
  }
}
