import type { Transaction } from 'kysely';
import type { BatchContext } from './projector.js';
import { RowSet, type Row, type RowSetSpec } from './row-set.js';

/** One table's rows in memory, as loaded or folded (a changed row carries a mark: RowSet), and which were deleted. */
export interface TableRows {
  readonly spec: RowSetSpec;
  /** By RowSet id; null: known not to exist. */
  readonly rows: Map<string, Row | null>;
  readonly deleted: Set<string>;
  /**
   * The same table's rows held before these and being written meanwhile (HeldRows): a key
   * not in `rows` is looked up there first, and its row copied into `rows` on first use.
   */
  previous?: TableRows;
}

export function tableRows(spec: RowSetSpec, previous?: TableRows): TableRows {
  return { spec, rows: new Map(), deleted: new Set(), previous };
}

/**
 * The rows a rebuild holds for one projection across the pages of the log, so that a row
 * whose events lie pages apart is written once, not written, read back and written again
 * (a basket's lines are requested, then validated a whole town's requests later: 400,000
 * events apart in a city's log). A projector that `holdsRows` is handed `context.held`: its
 * RowSets then share these rows from one page to the next, and their `flush` writes nothing.
 * The builder writes them all, with the checkpoint of the last page folded, in one
 * transaction (`flush`) once they are `limit` rows or the log is read.
 *
 * While they are written, folding goes on into new HeldRows made `after` them: a row of the
 * ones being written is copied into the new ones on first use (TableRows.previous), so the
 * rows being written never change and no load asks the database for a row not committed yet.
 */
export class HeldRows {
  private readonly tables = new Map<string, TableRows>();

  /** `earlier`: the rows held before these, still being written. */
  constructor(private earlier?: HeldRows) {}

  /** The rows of `spec.table` (the same object from one page to the next). */
  of(spec: RowSetSpec): TableRows {
    let rows = this.tables.get(spec.table);
    if (!rows) this.tables.set(spec.table, (rows = tableRows(spec, this.earlier?.tables.get(spec.table))));
    return rows;
  }

  /** The rows held before these are committed: no copy from them any more (the database has them). */
  settle(): void {
    this.earlier = undefined;
    for (const rows of this.tables.values()) rows.previous = undefined;
  }

  /** Rows in memory, all tables together (known absent keys included). */
  get size(): number {
    let total = 0;
    for (const table of this.tables.values()) total += table.rows.size;
    return total;
  }

  /** Writes every changed and deleted row through `trx` (COPY for new rows: `context.bulk`), and forgets them all. */
  async flush(trx: Transaction<any>, context: BatchContext): Promise<void> {
    for (const rows of this.tables.values()) await new RowSet(trx, rows.spec, context, rows).flush();
    this.tables.clear();
  }
}
