import type { Kysely, Transaction } from 'kysely';
import type { EventFilter, RecordedEvent } from '#ardoise/event-store';
import type { WrittenKeys } from './written-keys.js';
import type { BulkInsert } from './bulk-insert.js';
import type { HeldRows } from './held-rows.js';

/**
 * A read-model table a projector owns. Queries read `name` (a VIEW onto the active
 * generation); the projector writes the physical table it is given.
 */
export interface ReadModelTable {
  /** Logical name, e.g. 'catalogue_services'. Lower-case SQL identifier. */
  readonly name: string;
  /**
   * Creates the physical table `physicalName` (e.g. 'catalogue_services__g3') with its
   * indexes. Index and constraint names must derive from `physicalName` (they share the
   * schema's namespace with every other generation).
   */
  create(db: Kysely<any>, physicalName: string): Promise<void>;
  /**
   * Creates the secondary indexes (the ones only readers need; keys and constraints the
   * writes rely on belong in `create`). A rebuild calls it once, after replaying the log into
   * bare tables, which is much faster than maintaining the indexes row by row. Names derive
   * from `physicalName`; use IF NOT EXISTS (a resumed rebuild may call it again).
   */
  indexes?(db: Kysely<any>, physicalName: string): Promise<void>;
}

/** Logical table name → physical table name of the generation being written. */
export type TableNames = Readonly<Record<string, string>>;

/**
 * What the engine knows about the generation a batch writes; pass it on to `new RowSet(trx,
 * spec, context)`.
 */
export interface BatchContext {
  /** During a rebuild from an empty generation: the keys written so far (see WrittenKeys). */
  readonly writtenKeys?: WrittenKeys;
  /**
   * With `writtenKeys`: plain inserts by COPY on the batch's connection, for the rows no
   * earlier batch wrote (RowSet.flush uses it; see BulkInsert).
   */
  readonly bulk?: BulkInsert;
  /**
   * During a rebuild from an empty generation, for a projector that `holdsRows`: the rows its
   * RowSets share from one page of the log to the next; their `flush` then writes nothing
   * (the builder writes them with the checkpoint; see HeldRows).
   */
  readonly held?: HeldRows;
}

/**
 * Folds events into PostgreSQL read models. The engine delivers each matching event at
 * least once and stores the checkpoint in the same transaction as the projector's writes,
 * so the effect is exactly once (counters may be updated by delta).
 *
 * A projector implements `applyBatch` (preferred: fold the batch in memory, then write each
 * touched row once — see RowSet) or `apply` (one event at a time). A batch projector that
 * fails while folding an event throws `new ProjectionHandlerError(name, event, cause)` (see
 * `foldEach`); any other error makes the engine retry the batch one event at a time, so the
 * event at fault is named in health and the ones before it are applied.
 */
export interface Projector {
  /** Stable name, e.g. 'catalogue-services' (lower-case letters, digits, dashes). */
  readonly name: string;
  /** Positive integer; a bump means the read model is rebuilt into a new generation. */
  readonly version: number;
  /** Which events to receive (passed to subscribeToAll / readAll). */
  readonly filter: EventFilter;
  /** The logical tables it owns. */
  readonly tables: readonly ReadModelTable[];
  /** Writes the effect of one event through `trx` into the physical `tables`. */
  apply?(event: RecordedEvent, trx: Transaction<any>, tables: TableNames): Promise<void>;
  /**
   * True when every read and write of its tables goes through RowSets made with the batch's
   * context, by key (`load`, `get`, `upsert`, `update`, `touch`, `delete`; no `loadWhere` or
   * `find`, which see only the database or this batch; no `insertRows`, no SQL of its own): a
   * rebuild may then fold several pages of the log before writing (`context.held`), in a
   * read-only transaction, and go on folding while they are written.
   */
  readonly holdsRows?: boolean;
  /** Writes the effect of events (in log order, at least one) through `trx` into the physical `tables`. */
  applyBatch?(events: readonly RecordedEvent[], trx: Transaction<any>, tables: TableNames, context: BatchContext): Promise<void>;
}
