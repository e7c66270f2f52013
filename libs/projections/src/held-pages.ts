import type { Kysely } from 'kysely';
import type pg from 'pg';
import type { PositionCodec, RecordedEvent } from '#ardoise/event-store';
import { applyEvents, claimCheckpoint } from './apply-batch.js';
import { bulkInsertOn, inClientTransaction, type CopyableTables } from './bulk-insert.js';
import { HeldRows } from './held-rows.js';
import type { BatchContext, Projector } from './projector.js';
import type { Generation } from './generation.js';
import { physicalTableNames } from './table-names.js';

export interface HeldPagesDeps {
  db: Kysely<any>;
  pool: pg.Pool;
  positions: PositionCodec;
  /** Rows held before they are written (memory: a few hundred bytes each). */
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
 */
export class HeldPages {
  private held = new HeldRows();
  private events = 0;
  private last: string | null = null;

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
    await this.deps.db
      .transaction()
      .setAccessMode('read only')
      .execute((trx) => applyEvents(trx, projector, tables, events, context));
    this.events += events.length;
    this.last = this.deps.positions.encode(events[events.length - 1]!.position);
  }

  /** Writes the held rows and the checkpoint (from `expectedPosition`); returns the new checkpoint. */
  async write(expectedPosition: string | null): Promise<string | null> {
    if (!this.pending) return expectedPosition;
    const position = this.last!;
    const { generation, context, copyable } = this.target;
    await inClientTransaction(this.deps.pool, async (trx, client) => {
      await claimCheckpoint(trx, { generation, expectedStatus: 'building', expectedPosition }, position, this.events);
      await this.held.flush(trx, { ...context, bulk: bulkInsertOn(client, trx, copyable) });
    });
    this.held = new HeldRows();
    this.events = 0;
    this.last = null;
    return position;
  }
}
