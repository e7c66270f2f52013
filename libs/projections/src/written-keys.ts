/**
 * The keys written so far into each table of a generation that a rebuild started EMPTY,
 * in this process: a key not here cannot exist in the table yet, so a `RowSet` of the
 * rebuild creates it without asking the database (most keys of a rebuild are new: a
 * reservation's line is created by its first event). Kept only while one builder writes
 * the generation (its rebuild lock); a resumed rebuild, a live batch or another process
 * has none and loads every key.
 *
 * Only ever too large (a key kept from a batch that rolled back costs one load), never too
 * small, provided each such table is written only through RowSets.
 */
export class WrittenKeys {
  private readonly tables = new Map<string, Set<string>>();

  /** The keys (RowSet ids) written into physical table `table`. */
  of(table: string): Set<string> {
    let keys = this.tables.get(table);
    if (!keys) this.tables.set(table, (keys = new Set()));
    return keys;
  }

  /** Keys held, all tables together (memory, for the progress). */
  get size(): number {
    let total = 0;
    for (const keys of this.tables.values()) total += keys.size;
    return total;
  }
}
