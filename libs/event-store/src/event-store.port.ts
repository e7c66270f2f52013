/**
 * The one port every part of Ardoise writes and reads events through.
 * Semantics mirror EventStoreDB so that the PostgreSQL adapter (embedded default, tests)
 * and the EventStoreDB adapter (production) are interchangeable: see docs/architecture.md §3.
 */

/** Who did it, on whose behalf, why: filled once by the command pipeline. */
export interface EventMetadata {
  actor: { userId: string; role: string; onBehalfOfFamilyId?: string };
  correlationId: string;
  causationId: string;
  idempotencyKey?: string;
  /** ISO-8601 instant at which the fact happened (the domain clock). */
  occurredAt: string;
  schemaVersion: number;
  /** Free-form reason, e.g. an agent's override justification. */
  reason?: string;
}

/** An event as the application hands it to the store. `type` is an explicit string. */
export interface EventData<TType extends string = string, TData = unknown> {
  id: string; // uuid
  type: TType;
  data: TData;
  metadata: EventMetadata;
}

/**
 * A position in the global log. Opaque to callers: compare with `EventStore.positions.compare`,
 * persist with `encode`/`decode`. (EventStoreDB's is {commit, prepare}; PostgreSQL's is
 * {transactionId, globalPosition}.)
 */
export interface Position {
  readonly __position: unique symbol;
}

export interface PositionCodec {
  encode(position: Position): string;
  decode(encoded: string): Position;
  /** < 0 when a is before b, 0 when equal, > 0 when after. */
  compare(a: Position, b: Position): number;
}

/** An event as the store returns it. */
export interface RecordedEvent<TType extends string = string, TData = unknown> extends EventData<TType, TData> {
  streamId: string;
  /** 0-based revision of the event in its stream. */
  revision: bigint;
  position: Position;
  recordedAt: Date;
  /** SHA-256 (hex) of the canonical content chained to the previous event of the stream. */
  hash: string;
  /** The previous event's hash in the stream ('' for revision 0). */
  previousHash: string;
}

export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

export interface AppendResult {
  /** Revision of the last event now in the stream. */
  nextRevision: bigint;
  /** Position of the last appended event. */
  position: Position;
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  /** Inclusive start revision; default: start (forwards) or end (backwards). */
  fromRevision?: bigint;
  direction?: Direction;
  maxCount?: number;
}

export interface EventFilter {
  /** Keep events whose stream id starts with one of these prefixes (e.g. 'family-'). */
  streamPrefixes?: string[];
  /** Keep events whose type is one of these. */
  eventTypes?: string[];
  /** Keep events the store recorded at or after this instant (its own clock: `recordedAt`). */
  recordedFrom?: Date;
  /** Keep events the store recorded before this instant. */
  recordedBefore?: Date;
}

export interface ReadAllOptions {
  /** Exclusive start position; default: start (forwards) or end (backwards). */
  fromPosition?: Position;
  direction?: Direction;
  maxCount?: number;
  filter?: EventFilter;
  /**
   * How long to wait for transactions in flight at call time before reading (PostgreSQL; the
   * store's default otherwise). 0 reads at once what is settled now (may miss the latest).
   */
  settleMs?: number;
}

export interface SubscribeToAllOptions {
  /** Exclusive start position; default: the very start of the log. */
  fromPosition?: Position;
  filter?: EventFilter;
}

/**
 * A catch-up-then-live subscription. Iterate it with `for await`; events arrive in
 * global order, never skipped, never repeated. `close()` ends the iteration.
 */
export interface Subscription extends AsyncIterable<RecordedEvent> {
  close(): Promise<void>;
}

export interface EventStore {
  readonly positions: PositionCodec;
  append(streamId: string, events: EventData[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult>;
  /** Throws StreamNotFoundError (lazily, on first iteration) for a missing stream. */
  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  subscribeToAll(options?: SubscribeToAllOptions): Subscription;
  /** Revision of the last event in the stream, or undefined for a missing stream. */
  streamRevision(streamId: string): Promise<bigint | undefined>;
  /** How many events the log holds, where the adapter can count them (PostgreSQL); null where it cannot (EventStoreDB's `$all` has no count). */
  eventCount(): Promise<number | null>;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EVENT_STORE');
