import { randomUUID } from 'node:crypto';
import { WrongExpectedVersionError, type EventData, type EventStore } from '#ardoise/event-store';
import { backoffDelay, sleep, type BackoffPolicy } from '#ardoise/kernel';
import type { Clock } from './clock.js';
import type { Decider, DomainEvent } from './decider.js';
import type { StreamFold } from './followed-streams.js';
import { eventMetadata } from './event-metadata.js';
import type { StagedAppend } from './event-outbox.js';
import type { RequestContext } from './request-context.js';
import { loadAggregate, readWholeStream, type DecisionBasis, type LoadedAggregate, type StateSource } from './state-sources.js';

export type { LoadedAggregate } from './state-sources.js';

/** How a stream is written: where its state comes from and what to do on a conflict. */
export interface WritePolicy<TState> {
  /** Default: the whole stream read before each attempt. */
  source?: StateSource<TState>;
  /**
   * How many times to decide again on fresh state after a concurrent write. Only for
   * commands whose decision is safe to retake (most are: the decider re-checks every rule);
   * 0 surfaces the conflict as a 409. Default 3.
   */
  retriesOnConflict?: number;
  /** How long to wait before deciding again after a conflict (the kernel's backoff); default none. */
  backoff?: BackoffPolicy;
  /** What to throw when the retries run out (default: the conflict itself, a 409). */
  exhausted?: () => Error;
  /** A copy of a state to decide on, for folds that change their state in place (a source in memory hands out its live state). */
  copy?: (state: TState) => TState;
  /**
   * With `copy`: folds one decided event INTO the batch's private copy (e.g. the service day's
   * `applyToDraft`), instead of `evolve`'s new state per event: one copy per batch, not per event.
   */
  draft?: (state: TState, event: DomainEvent) => TState;
}

export interface HandleOptions extends Omit<WritePolicy<unknown>, 'source' | 'copy' | 'draft'> {
  /** The aggregate as the caller just loaded it (decided on first without reading the stream again); a conflict reloads it. */
  loaded?: LoadedAggregate<unknown>;
  /** Ids for the events the command produces (e.g. derived from a business key, so that a repeat is a no-op in the store); default random. */
  eventIds?: (index: number) => string;
}

/** One command of a batch, with the request it came from. */
export interface PendingCommand<TCommand> {
  command: TCommand;
  context: RequestContext;
  /**
   * Skip the command when its request's Idempotency-Key is already in the stream (a retry after
   * a crash between the append and the stored answer). Default true; false for requests that
   * put several commands on one stream (their deciders are idempotent by the ids they carry).
   */
  replayByIdempotencyKey?: boolean;
  eventIds?: (index: number) => string;
}

export type CommandOutcome<TState, TEvent> =
  { ok: true; events: TEvent[]; replayed: boolean; state: TState; nextRevision: bigint | undefined } | { ok: false; error: unknown };

export interface HandleResult<TState, TEvent> {
  state: TState;
  events: TEvent[];
  nextRevision: bigint | undefined;
  /** True when this idempotency key had already been applied to the stream: nothing appended. */
  replayed: boolean;
}

/**
 * THE command pipeline (docs/architecture.md §2): load → decide → append at the expected
 * revision, metadata filled in one place, a request's Idempotency-Key never applied twice to
 * a stream, a conflict decided again on fresh state. Every write goes through it; what
 * varies is the state source (the whole stream read, or a followed stream kept in memory),
 * and whether commands arrive one by one (`handle`) or in batches (`decideBatch`, used by
 * GroupCommit for hot streams).
 */
export class AggregateRepository {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  load<TState, TEvent extends DomainEvent>(
    streamId: string,
    decider: Pick<Decider<TState, unknown, TEvent>, 'initialState' | 'evolve'>,
    until?: Date,
  ): Promise<LoadedAggregate<TState>> {
    return loadAggregate(this.store, streamId, decider as unknown as StreamFold<TState>, until);
  }

  /**
   * Records facts that no invariant of the stream can refuse (e.g. "password changed",
   * recorded for the audit trail after the change itself): appended with `any`.
   */
  async record(streamId: string, events: DomainEvent[], context: RequestContext): Promise<void> {
    await this.store.append(streamId, this.toEventData(events, context, this.clock.now()), { expectedRevision: 'any' });
  }

  async handle<TState, TCommand, TEvent extends DomainEvent>(
    streamId: string,
    decider: Decider<TState, TCommand, TEvent>,
    command: TCommand,
    context: RequestContext,
    options: HandleOptions & { source?: StateSource<TState>; copy?: (state: TState) => TState } = {},
  ): Promise<HandleResult<TState, TEvent>> {
    const source =
      options.source ?? readWholeStream(this.store, decider as unknown as StreamFold<TState>, options.loaded as LoadedAggregate<TState> | undefined);
    const [outcome] = await this.decideBatch(streamId, decider, [{ command, context, eventIds: options.eventIds }], { ...options, source });
    if (!outcome!.ok) throw outcome!.error;
    const { ok: _, ...result } = outcome!;
    return result;
  }

  /**
   * Decides a command without appending (load → replay check → decide → metadata), for the
   * event outbox: the caller stages the result in its own transaction (EventOutbox). Nothing
   * to stage when the request's Idempotency-Key is already in the stream.
   */
  async prepare<TState, TCommand, TEvent extends DomainEvent>(
    streamId: string,
    decider: Decider<TState, TCommand, TEvent>,
    command: TCommand,
    context: RequestContext,
  ): Promise<StagedAppend> {
    const loaded = await this.load(streamId, decider);
    const key = context.idempotencyKey;
    const replayed = key !== undefined && loaded.events.some((e) => e.metadata.idempotencyKey === key);
    const events = replayed ? [] : decider.decide(command, loaded.state);
    return this.prepareFacts(streamId, events, context);
  }

  /** Facts no invariant can refuse (like `record`), for the event outbox. */
  prepareFacts(streamId: string, events: DomainEvent[], context: RequestContext): StagedAppend {
    return { id: randomUUID(), streamId, events: this.toEventData(events, context, this.clock.now()) };
  }

  /**
   * Decides the commands in order on one state (each sees the events of those before it) and
   * appends all their events at once; each keeps its own metadata. A command the decider
   * refuses gets its error and takes no part. Throws (for the whole batch) when the state
   * cannot be read or the append fails for good.
   */
  async decideBatch<TState, TCommand, TEvent extends DomainEvent>(
    streamId: string,
    decider: Decider<TState, TCommand, TEvent>,
    batch: PendingCommand<TCommand>[],
    policy: WritePolicy<TState> = {},
  ): Promise<CommandOutcome<TState, TEvent>[]> {
    const source = policy.source ?? readWholeStream(this.store, decider as unknown as StreamFold<TState>);
    const retries = policy.retriesOnConflict ?? 3;
    for (let attempt = 0; ; attempt++) {
      const basis = await source.load(streamId, attempt);
      let state = policy.copy ? policy.copy(basis.state) : basis.state;
      let appliedKeys = basis.appliedKeys;
      let ownKeys: Set<string> | undefined; // the batch's copy of the source's keys, made at its first new key
      const decided: ({ ok: true; events: TEvent[]; replayed: boolean } | { ok: false; error: unknown })[] = [];
      const toAppend: EventData[] = [];
      const occurredAt = this.clock.now();
      for (const pending of batch) {
        const key = pending.context.idempotencyKey;
        if (key && pending.replayByIdempotencyKey !== false && appliedKeys.has(key)) {
          // Same request seen before (e.g. the client retried after a crash): already applied.
          decided.push({ ok: true, events: [], replayed: true });
          continue;
        }
        try {
          const events = decider.decide(pending.command, state);
          for (const event of events) state = policy.copy && policy.draft ? policy.draft(state, event) : decider.evolve(state, event);
          decided.push({ ok: true, events, replayed: false });
          toAppend.push(...this.toEventData(events, pending.context, occurredAt, pending.eventIds));
          if (key && events.length > 0 && !appliedKeys.has(key)) appliedKeys = (ownKeys ??= new Set(appliedKeys)).add(key);
        } catch (error) {
          decided.push({ ok: false, error });
        }
      }
      if (!basis.verified && toAppend.length === 0) continue; // decided on memory alone: read, then decide again
      let revision = basis.revision;
      try {
        if (toAppend.length > 0) {
          revision = (await this.store.append(streamId, toAppend, { expectedRevision: basis.revision ?? 'no_stream' })).nextRevision;
        }
      } catch (error) {
        if (error instanceof WrongExpectedVersionError && attempt < retries) {
          if (policy.backoff) await sleep(backoffDelay(attempt + 1, policy.backoff));
          continue; // another writer got there first: decide again on what it wrote
        }
        source.failed(streamId);
        throw error instanceof WrongExpectedVersionError && policy.exhausted ? policy.exhausted() : error;
      }
      const after: DecisionBasis<TState> = { state, revision, appliedKeys, verified: true };
      if (toAppend.length > 0) source.appended(streamId, after);
      return decided.map((d) => (d.ok ? { ...d, state, nextRevision: revision } : d));
    }
  }

  private toEventData(events: DomainEvent[], context: RequestContext, occurredAt: Date, ids?: (index: number) => string): EventData[] {
    return events.map((event, i) => ({
      id: ids ? ids(i) : randomUUID(),
      type: event.type,
      data: event.data,
      metadata: eventMetadata(context, occurredAt, event.type),
    }));
  }
}
