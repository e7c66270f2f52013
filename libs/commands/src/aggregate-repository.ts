import { randomUUID } from 'node:crypto';
import {
  StreamNotFoundError,
  WrongExpectedVersionError,
  type EventData,
  type EventStore,
  type RecordedEvent,
} from '#ardoise/event-store';
import { upcastEvent } from '#ardoise/kernel';
import type { Clock } from './clock.js';
import { foldEvents, type Decider, type DomainEvent } from './decider.js';
import { eventMetadata } from './event-metadata.js';
import type { RequestContext } from './request-context.js';

export interface LoadedAggregate<TState> {
  state: TState;
  /** Revision of the last event folded; undefined for a stream that does not exist yet. */
  revision: bigint | undefined;
  events: RecordedEvent[];
}

export interface HandleOptions {
  /**
   * How many times to reload and decide again after a concurrent write. Only for
   * commands whose decision is safe to retake on fresh state (most are: the decider
   * re-checks every rule); 0 surfaces the conflict as a 409.
   */
  retriesOnConflict?: number;
  /**
   * The aggregate as the caller just loaded it (to decide on it first without reading the
   * stream again); a conflict reloads it as usual.
   */
  loaded?: LoadedAggregate<unknown>;
}

export interface HandleResult<TState, TEvent> {
  state: TState;
  events: TEvent[];
  nextRevision: bigint | undefined;
  /** True when this idempotency key had already been applied to the stream: nothing appended. */
  replayed: boolean;
}

/**
 * Loads an aggregate from its stream, lets the pure decider decide, appends the new
 * events with `expectedRevision` = the version it decided on. A concurrent writer makes
 * the append fail; the command is then retaken on fresh state (bounded).
 */
export class AggregateRepository {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async load<TState, TEvent extends DomainEvent>(
    streamId: string,
    decider: Pick<Decider<TState, unknown, TEvent>, 'initialState' | 'evolve' | 'evolveAll'>,
    until?: Date,
  ): Promise<LoadedAggregate<TState>> {
    let revision: bigint | undefined;
    const events: RecordedEvent[] = [];
    const folded: TEvent[] = [];
    try {
      for await (const event of this.store.readStream(streamId)) {
        if (until && new Date(event.metadata.occurredAt) > until) break;
        folded.push({ type: event.type, data: upcastEvent(event).data } as TEvent);
        revision = event.revision;
        events.push(event);
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return { state: foldEvents(decider, decider.initialState(), folded), revision, events };
  }

  /**
   * Records facts that no invariant of the stream can refuse (e.g. "password changed",
   * recorded for the audit trail after the change itself): appended with `any`.
   */
  async record(streamId: string, events: DomainEvent[], context: RequestContext): Promise<void> {
    await this.store.append(streamId, this.toEventData(events, context), { expectedRevision: 'any' });
  }

  async handle<TState, TCommand, TEvent extends DomainEvent>(
    streamId: string,
    decider: Decider<TState, TCommand, TEvent>,
    command: TCommand,
    context: RequestContext,
    options: HandleOptions = {},
  ): Promise<HandleResult<TState, TEvent>> {
    const retries = options.retriesOnConflict ?? 3;
    for (let attempt = 0; ; attempt++) {
      const loaded =
        attempt === 0 && options.loaded ? (options.loaded as LoadedAggregate<TState>) : await this.load(streamId, decider);
      if (context.idempotencyKey && loaded.events.some((e) => e.metadata.idempotencyKey === context.idempotencyKey)) {
        // Same request seen before (e.g. the client retried after a crash): already applied.
        return { state: loaded.state, events: [], nextRevision: loaded.revision, replayed: true };
      }
      const newEvents = decider.decide(command, loaded.state);
      if (newEvents.length === 0) {
        return { state: loaded.state, events: [], nextRevision: loaded.revision, replayed: false };
      }
      try {
        const result = await this.store.append(streamId, this.toEventData(newEvents, context), {
          expectedRevision: loaded.revision ?? 'no_stream',
        });
        const state = newEvents.reduce(decider.evolve, loaded.state);
        return { state, events: newEvents, nextRevision: result.nextRevision, replayed: false };
      } catch (error) {
        if (error instanceof WrongExpectedVersionError && attempt < retries) continue;
        throw error;
      }
    }
  }

  private toEventData(events: DomainEvent[], context: RequestContext): EventData[] {
    const occurredAt = this.clock.now();
    return events.map((event) => ({
      id: randomUUID(),
      type: event.type,
      data: event.data,
      metadata: eventMetadata(context, occurredAt, event.type),
    }));
  }
}
