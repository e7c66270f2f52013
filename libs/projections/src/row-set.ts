import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { BatchContext } from './projector.js';
import type { BulkInsert } from './bulk-insert.js';
import type { KeySet } from './written-keys.js';
import { tableRows, type TableRows } from './held-rows.js';

export type Row = Record<string, unknown>;

/**
 * On a row a RowSet holds: true once changed and not yet written. A symbol, so neither the
 * JSON of the upsert nor COPY's columns carry it.
 */
const CHANGED: unique symbol = Symbol('changed');
type Marked = Row & { [CHANGED]?: boolean };
const isChanged = (row: Row | null | undefined): row is Marked => (row as Marked | null | undefined)?.[CHANGED] === true;

export interface RowSetSpec {
  /** The physical table (as the projector is given it). */
  table: string;
  /** Primary-key columns. */
  key: readonly string[];
  /**
   * Every other column, with the value a new row starts with (the table's default, or null).
   * These and the key are the columns written.
   */
  defaults: Readonly<Row>;
}

/** Rows per statement when writing (one JSON parameter each). */
const CHUNK = 5000;

/**
 * The rows of one read-model table that a batch touches, held in memory for the batch:
 * `load` them in one query, change them with `upsert` / `update` / `delete` while folding
 * the events, then `flush` writes each changed row once (one multi-row upsert and one
 * delete per 5,000 rows). Rows travel as JSON (`row_to_json` out, `json_populate_recordset`
 * in), so dates stay 'YYYY-MM-DD' strings and no value depends on the process's time zone.
 *
 * A key must be loaded (or created) before it is read: reading an unknown key throws.
 *
 * Given the batch's context during a rebuild from zero (`context.writtenKeys`), `load`
 * asks the database only for the keys an earlier batch of the rebuild wrote: any other key
 * cannot exist yet in the new generation. The table must then be written through RowSets
 * only (not `insertRows` or raw SQL), which every batch projector does.
 */
export class RowSet {
  private readonly state: TableRows;
  private readonly rows: Map<string, Row | null>;
  private readonly deleted: Set<string>;
  private readonly columns: string[];

  private readonly written: KeySet | undefined;
  private readonly bulk: BulkInsert | undefined;
  /** Held by the rebuild across pages (`context.held`): `flush` leaves the writing to it. */
  private readonly held: boolean;

  constructor(
    private readonly db: Kysely<any> | Transaction<any>,
    private readonly spec: RowSetSpec,
    context?: BatchContext,
    /** Rows held by a rebuild, to write them (HeldRows.flush); else the batch's own or the held ones of `context`. */
    state?: TableRows,
  ) {
    const rows = state ?? (context?.held ? context.held.of(spec) : tableRows(spec));
    this.state = rows;
    this.rows = rows.rows;
    this.deleted = rows.deleted;
    this.held = state === undefined && context?.held !== undefined;
    this.columns = [...spec.key, ...Object.keys(spec.defaults)];
    this.written = context?.writtenKeys?.of(spec.table);
    this.bulk = this.written ? context?.bulk : undefined;
  }

  keyOf(values: Row): string {
    const key = this.spec.key;
    if (key.length === 1) return String(values[key[0]!]);
    let id = String(values[key[0]!]);
    for (let i = 1; i < key.length; i++) id += '\u0001' + String(values[key[i]!]);
    return id;
  }

  /** Loads the rows with these keys (those not already known) in one query. */
  async load(keys: Iterable<Row>): Promise<void> {
    const wanted = new Map<string, Row>();
    for (const key of keys) {
      const id = this.keyOf(key);
      if (this.rows.has(id) || wanted.has(id)) continue;
      if (this.fromPrevious(id) !== undefined) continue; // being written: copied, not loaded
      if (this.written && !this.written.has(id)) continue; // never written: cannot exist (byId knows it too)
      wanted.set(id, pick(key, this.spec.key));
    }
    if (wanted.size === 0) return;
    for (const id of wanted.keys()) this.rows.set(id, null);
    const keyList = sql.join(this.spec.key.map((k) => sql.ref(k)));
    for (const chunk of chunks([...wanted.values()], CHUNK)) {
      const rows = await this.select(sql`(${sql.join(this.spec.key.map((k) => sql`t.${sql.ref(k)}`))}) IN (SELECT ${keyList} FROM ${this.recordset(chunk)})`);
      for (const row of rows) this.rows.set(this.keyOf(row), row);
    }
  }

  /** Loads every row whose `column` is one of `values` (e.g. all guardians of some families). */
  async loadWhere(column: string, values: Iterable<unknown>): Promise<Row[]> {
    const list = [...new Set(values)];
    if (list.length === 0) return [];
    const rows = await this.select(sql`t.${sql.ref(column)} IN (SELECT ${sql.ref(column)} FROM ${this.recordset(list.map((v) => ({ [column]: v })))})`);
    const out: Row[] = [];
    for (const row of rows) {
      const id = this.keyOf(row);
      // Rows already in memory are the newer truth (changed earlier in this batch, or being written).
      if (!this.rows.has(id) && this.fromPrevious(id) === undefined) this.rows.set(id, row);
      const current = this.rows.get(id);
      if (current) out.push(current);
    }
    return out;
  }

  /** The row, or undefined when it does not exist. */
  get(key: Row): Row | undefined {
    return this.byId(this.keyOf(key));
  }

  private byId(id: string): Row | undefined {
    let row = this.rows.get(id); // null: known not to exist; undefined: not loaded
    if (row === undefined) row = this.fromPrevious(id);
    if (row !== undefined) return row ?? undefined;
    // In a rebuild from empty, a key never written cannot exist: no entry kept for it (most keys of a rebuild).
    if (this.written && !this.written.has(id)) return undefined;
    throw new Error(`RowSet ${this.spec.table}: row ${id} read before it was loaded`);
  }

  /** Rows in memory (loaded or created, not deleted) matching `predicate`. */
  find(predicate: (row: Row) => boolean): Row[] {
    return [...this.rows.values()].filter((row): row is Row => row !== null && predicate(row));
  }

  /** Creates the row (key + defaults + values) or changes the existing one. */
  upsert(key: Row, values: Row): Row {
    const id = this.keyOf(key);
    let row = this.byId(id);
    if (!row) {
      row = { ...this.spec.defaults };
      for (const column of this.spec.key) row[column] = key[column];
      this.rows.set(id, row);
    }
    Object.assign(row, values);
    this.mark(id, row);
    return row;
  }

  /** Changes the row when it exists (like UPDATE … WHERE key); returns it, or undefined. */
  update(key: Row, values: Row): Row | undefined {
    const id = this.keyOf(key);
    const existing = this.byId(id);
    if (!existing) return undefined;
    Object.assign(existing, values);
    this.mark(id, existing);
    return existing;
  }

  /** Marks a row changed in place (after editing the object `get` returned). */
  touch(row: Row): void {
    const id = this.keyOf(row);
    if (this.rows.get(id) !== row) this.rows.set(id, row);
    this.mark(id, row);
  }

  delete(key: Row): void {
    const id = this.keyOf(key);
    const row = this.rows.get(id);
    if (row) (row as Marked)[CHANGED] = false;
    this.rows.set(id, null);
    this.deleted.add(id);
  }

  /**
   * Writes the changes: deletions, then one upsert per chunk of changed rows. In a rebuild
   * into a generation created empty (`context.bulk`), the rows no earlier batch wrote are
   * new for sure: they go in by one COPY instead, without the upsert's conflict check.
   */
  async flush(): Promise<void> {
    if (this.held) return; // written with the rebuild's checkpoint, once its held rows are many enough
    const deleted = [...this.deleted].filter((id) => !isChanged(this.rows.get(id))).map((id) => this.keyFromId(id));
    let changed: Row[] = [];
    const fresh: Row[] = [];
    for (const [id, row] of this.rows) {
      if (!isChanged(row)) continue;
      row[CHANGED] = false;
      if (this.bulk && !this.written!.has(id)) fresh.push(row);
      else changed.push(row);
      // Remembered before writing: a key remembered but rolled back only costs a load later.
      this.written?.add(id);
    }
    this.deleted.clear();
    const keyList = sql.join(this.spec.key.map((k) => sql.ref(k)));
    for (const chunk of chunks(deleted, CHUNK)) {
      await sql`DELETE FROM ${sql.table(this.spec.table)} t WHERE (${sql.join(this.spec.key.map((k) => sql`t.${sql.ref(k)}`))}) IN (SELECT ${keyList} FROM ${this.recordset(chunk)})`.execute(
        this.db,
      );
    }
    if (fresh.length > 0 && !(await this.bulk!.insert(this.spec.table, this.columns, fresh))) changed = changed.concat(fresh);
    const columns = sql.join(this.columns.map((c) => sql.ref(c)));
    const others = this.columns.filter((c) => !this.spec.key.includes(c));
    const onConflict = others.length ? sql`DO UPDATE SET ${sql.join(others.map((c) => sql`${sql.ref(c)} = EXCLUDED.${sql.ref(c)}`))}` : sql`DO NOTHING`;
    for (const chunk of chunks(changed, CHUNK)) {
      await sql`INSERT INTO ${sql.table(this.spec.table)} (${columns}) SELECT ${columns} FROM ${this.recordset(chunk)}
                ON CONFLICT (${keyList}) ${onConflict}`.execute(this.db);
    }
  }

  /**
   * Row `id` of the rows held before these and being written meanwhile (TableRows.previous),
   * copied into these (unchanged: the write under way has it), or undefined when not there.
   */
  private fromPrevious(id: string): Row | null | undefined {
    const previous = this.state.previous?.rows.get(id);
    if (previous === undefined) return undefined;
    const copy = previous === null ? null : { ...previous, [CHANGED]: false };
    this.rows.set(id, copy);
    return copy;
  }

  /** `row` (in `rows` under `id`) is to be written: a mark on the row itself, no lookup. */
  private mark(id: string, row: Row): void {
    (row as Marked)[CHANGED] = true;
    if (this.deleted.size > 0) this.deleted.delete(id);
  }

  private keyFromId(id: string): Row {
    const parts = this.spec.key.length === 1 ? [id] : id.split('\u0001');
    return Object.fromEntries(this.spec.key.map((k, i) => [k, parts[i]]));
  }

  private recordset(rows: readonly Row[]): RawBuilder<unknown> {
    return recordset(this.spec.table, rows);
  }

  private async select(where: RawBuilder<unknown>): Promise<Row[]> {
    const { rows } = await sql<{ r: Row }>`SELECT row_to_json(t) AS r FROM ${sql.table(this.spec.table)} t WHERE ${where}`.execute(this.db);
    return rows.map((r) => r.r);
  }
}

/**
 * Inserts rows in one statement per 5,000 (columns: those the rows name; others take their
 * defaults), skipping rows whose key already exists. For append-only read models.
 */
export async function insertRows(db: Kysely<any> | Transaction<any>, table: string, rows: readonly Row[], conflictKey: readonly string[]): Promise<void> {
  if (rows.length === 0) return;
  const names = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const columns = sql.join(names.map((c) => sql.ref(c)));
  for (const chunk of chunks(rows, CHUNK)) {
    await sql`INSERT INTO ${sql.table(table)} (${columns}) SELECT ${columns} FROM ${recordset(table, chunk)}
              ON CONFLICT (${sql.join(conflictKey.map((c) => sql.ref(c)))}) DO NOTHING`.execute(db);
  }
}

/**
 * `json_populate_recordset(NULL::<table>, $1)`: rows typed as the table's columns. `json`,
 * not `jsonb`: the text is read once, without building a jsonb value first (about twice as
 * fast for a 5,000-row upsert).
 */
function recordset(table: string, rows: readonly Row[]): RawBuilder<unknown> {
  return sql`json_populate_recordset(NULL::${sql.table(table)}, ${JSON.stringify(rows)}::json)`;
}

function pick(row: Row, columns: readonly string[]): Row {
  return Object.fromEntries(columns.map((c) => [c, row[c]]));
}

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
