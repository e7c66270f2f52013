import { StreamNotFoundError, type EventStore, type RecordedEvent } from '#ardoise/event-store';
import { upcastEvent } from '#ardoise/kernel';
import { foldEvents, type DomainEvent } from './decider.js';

/** How a stream's events fold into a state (a decider's `initialState` and `evolve`). */
export interface StreamFold<TState> {
  initialState: () => TState;
  evolve: (state: TState, event: DomainEvent) => TState;
  /** Optional: a run of events at once (see `Decider.evolveAll`). */
  evolveAll?: (state: TState, events: readonly DomainEvent[]) => TState;
}

/** A folded stream as this process knows it: the state after `revision` (undefined: no event yet). */
export interface FollowedState<TState> {
  state: TState;
  revision: bigint | undefined;
  /** Idempotency-Keys found in the stream's events (the command pipeline's replay check). */
  appliedKeys?: ReadonlySet<string>;
}

interface Flight<TState> {
  running?: Promise<FollowedState<TState>>;
  next?: Promise<FollowedState<TState>>;
}

/**
 * Streams folded in memory and brought up to date on demand, for hot reads that must not
 * lag (a prestation's règlement, the town calendar, a service day): `current(stream)`
 * returns a state that includes every event committed before the call, from ANY process.
 * It costs one small read (the events after the last one known, usually none) instead of
 * re-reading the stream from its start, and concurrent callers share it: a caller joins
 * the next read to start, never one already on its way (that one may have been sent before
 * the caller's own request arrived, and miss a change committed just before it). Under an
 * opening rush, sixty requests wanting the same calendar cost one or two reads, not sixty.
 *
 * A fold that mutates its state in place is allowed: the state handed out is the live one,
 * so such callers copy it before deciding on it. New events are applied only when they
 * follow the known revision exactly, so two reads of the same stream never fold an event
 * twice (which would, e.g., move a child to the end of a waiting list).
 */
export class FollowedStreams<TState> {
  private readonly entries = new Map<string, FollowedState<TState>>();
  private readonly flights = new Map<string, Flight<TState>>();

  constructor(
    private readonly store: EventStore,
    private readonly fold: StreamFold<TState>,
    private readonly capacity = 1_000,
  ) {}

  /** The stream's state including everything committed before this call. */
  current(streamId: string): Promise<FollowedState<TState>> {
    const flight = this.flights.get(streamId) ?? {};
    this.flights.set(streamId, flight);
    if (flight.next) return flight.next;
    if (!flight.running) return this.start(streamId, flight);
    const settled = flight.running.then(
      () => undefined,
      () => undefined,
    );
    flight.next = settled.then(() => this.start(streamId, flight));
    return flight.next;
  }

  /** The last state this process saw, without reading (other processes may have written since). */
  cached(streamId: string): FollowedState<TState> | undefined {
    return this.entries.get(streamId);
  }

  /** This process appended: the state and revision it decided on are now the known ones. */
  remember(streamId: string, value: FollowedState<TState>): void {
    const known = this.entries.get(streamId);
    if (known && known.revision !== undefined && (value.revision === undefined || value.revision < known.revision)) return;
    this.keep(streamId, value);
  }

  forget(streamId: string): void {
    this.entries.delete(streamId);
  }

  private start(streamId: string, flight: Flight<TState>): Promise<FollowedState<TState>> {
    flight.next = undefined;
    const run = this.catchUp(streamId);
    flight.running = run;
    const clear = () => {
      if (flight.running !== run) return;
      flight.running = undefined;
      if (!flight.next) this.flights.delete(streamId);
    };
    run.then(clear, clear);
    return run;
  }

  private async catchUp(streamId: string): Promise<FollowedState<TState>> {
    for (;;) {
      const from = this.entries.get(streamId)?.revision;
      // From the last known event itself, not the one after: a page that holds it says "nothing
      // new" in one query, where an empty page would need a second one to tell a missing stream.
      const events = await this.read(streamId, from);
      // Applied in one synchronous step, onto the entry as it is NOW (an append by this process
      // or another read may have moved it while we were reading).
      const entry = this.entries.get(streamId) ?? { state: this.fold.initialState(), revision: undefined };
      const fresh = entry.revision === undefined ? events : events.filter((e) => e.revision > entry.revision!);
      const expected = entry.revision === undefined ? 0n : entry.revision + 1n;
      if (fresh.length > 0 && fresh[0]!.revision !== expected) continue; // the entry was dropped meanwhile: read it whole
      let keys: Set<string> | undefined;
      // Old events reach the fold at their current schema version; a run is folded at once (one copy).
      if (fresh.length > 0)
        entry.state = foldEvents(
          this.fold,
          entry.state,
          fresh.map((event) => ({ type: event.type, data: upcastEvent(event).data })),
        );
      for (const event of fresh) {
        entry.revision = event.revision;
        const key = event.metadata.idempotencyKey;
        if (key && !entry.appliedKeys?.has(key)) (keys ??= new Set(entry.appliedKeys)).add(key);
      }
      if (keys) entry.appliedKeys = keys; // a new set: the one handed out before stays as it was
      this.keep(streamId, entry);
      return entry;
    }
  }

  private async read(streamId: string, from: bigint | undefined): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    try {
      for await (const event of this.store.readStream(streamId, from === undefined ? {} : { fromRevision: from })) events.push(event);
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return events;
  }

  private keep(streamId: string, value: FollowedState<TState>): void {
    this.entries.delete(streamId);
    this.entries.set(streamId, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}
