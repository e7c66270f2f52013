import { StreamNotFoundError, type EventStore, type RecordedEvent } from '#ardoise/event-store';
import { upcastEvent } from '#ardoise/kernel';
import { foldEvents, type DomainEvent } from './decider.js';
import type { FollowedStreams, StreamFold } from './followed-streams.js';

/** The state a batch of commands is decided on. */
export interface DecisionBasis<TState> {
  state: TState;
  /** Revision of the last event folded; undefined for a stream that does not exist yet. */
  revision: bigint | undefined;
  /** Idempotency-Keys of the requests whose events are already in the stream. */
  appliedKeys: ReadonlySet<string>;
  /**
   * False when taken from memory without reading: a decision that appends nothing proves
   * nothing (a refusal may come from a state another process has changed since), so the
   * pipeline decides again on a fresh read.
   */
  verified: boolean;
}

/**
 * Where the command pipeline takes the state it decides on. The store stays the judge: the
 * append is made at `revision`, so a stale basis costs a retry, never a wrong decision.
 */
export interface StateSource<TState> {
  /** `attempt` 0 is the first try; later ones follow a conflict or an unverified no-op. */
  load(streamId: string, attempt: number): Promise<DecisionBasis<TState>>;
  /** This process appended: the state after its events, at `revision`. */
  appended(streamId: string, basis: DecisionBasis<TState>): void;
  /** The append failed for good: what is kept about the stream may be wrong. */
  failed(streamId: string): void;
}

/** A stream read from its start, folded, with its events (what the audit and most commands need). */
export interface LoadedAggregate<TState> {
  state: TState;
  revision: bigint | undefined;
  events: RecordedEvent[];
}

export async function loadAggregate<TState>(store: EventStore, streamId: string, fold: StreamFold<TState>, until?: Date): Promise<LoadedAggregate<TState>> {
  let revision: bigint | undefined;
  const events: RecordedEvent[] = [];
  const folded: DomainEvent[] = [];
  try {
    for await (const event of store.readStream(streamId)) {
      if (until && new Date(event.metadata.occurredAt) > until) break;
      // Old events reach the fold at their current schema version (decision 0008).
      folded.push({ type: event.type, data: upcastEvent(event).data });
      revision = event.revision;
      events.push(event);
    }
  } catch (error) {
    if (!(error instanceof StreamNotFoundError)) throw error;
  }
  return { state: foldEvents(fold, fold.initialState(), folded), revision, events };
}

const keysOf = (events: RecordedEvent[]): Set<string> => {
  const keys = new Set<string>();
  for (const event of events) if (event.metadata.idempotencyKey) keys.add(event.metadata.idempotencyKey);
  return keys;
};

/**
 * Reads the whole stream before every attempt (the default). `first`: the aggregate as the
 * caller just loaded it, decided on first without reading again.
 */
export function readWholeStream<TState>(store: EventStore, fold: StreamFold<TState>, first?: LoadedAggregate<TState>): StateSource<TState> {
  return {
    async load(streamId, attempt) {
      const loaded = attempt === 0 && first ? first : await loadAggregate(store, streamId, fold);
      return { state: loaded.state, revision: loaded.revision, appliedKeys: keysOf(loaded.events), verified: true };
    },
    appended: () => undefined,
    failed: () => undefined,
  };
}

/**
 * The stream's state kept in memory (FollowedStreams), for hot streams: the first attempt
 * decides on what this process last knew without reading (the append at that revision fails
 * if another process wrote since); later attempts catch up first.
 */
export function followedStream<TState>(followed: FollowedStreams<TState>): StateSource<TState> {
  return {
    async load(streamId, attempt) {
      const known = attempt === 0 ? followed.cached(streamId) : undefined;
      const current = known ?? (await followed.current(streamId));
      return { state: current.state, revision: current.revision, appliedKeys: current.appliedKeys ?? NO_KEYS, verified: !known };
    },
    appended(streamId, basis) {
      followed.remember(streamId, { state: basis.state, revision: basis.revision, appliedKeys: basis.appliedKeys });
    },
    failed(streamId) {
      followed.forget(streamId);
    },
  };
}

const NO_KEYS: ReadonlySet<string> = new Set();
