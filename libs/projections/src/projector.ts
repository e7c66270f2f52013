import type { Kysely, Transaction } from 'kysely';
import type { EventFilter, RecordedEvent } from '#ardoise/event-store';

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
}

/** Logical table name → physical table name of the generation being written. */
export type TableNames = Readonly<Record<string, string>>;

/**
 * Folds events into PostgreSQL read models. The engine delivers each matching event at
 * least once and stores the checkpoint in the same transaction as `apply`'s writes, so
 * the effect is exactly once; still, handlers must be idempotent (a rebuild replays).
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
  apply(event: RecordedEvent, trx: Transaction<any>, tables: TableNames): Promise<void>;
}
