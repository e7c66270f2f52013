import { StreamNotFoundError, type EventStore, type RecordedEvent } from '#ardoise/event-store';
import { foldEvents, type DomainEvent } from '#ardoise/commands';
import { upcastEvent } from '#ardoise/kernel';
import { storedDataRevealer, type AuditReader, type EventRevealer } from '../event-revealer.js';
import type { AuditedAggregates } from './audited-aggregates.js';
import { plainState } from './plain-state.js';
import { diffStates, type StateChange } from './state-diff.js';

export interface FoldedEvent {
  revision: number;
  id: string;
  type: string;
  occurredAt: string;
  actor: RecordedEvent['metadata']['actor'];
}

export interface StateAt {
  streamId: string;
  /** The aggregate's name for people, e.g. 'Prestation'. */
  aggregate: string;
  at: string;
  /** Revision of the last event folded; null when the stream had no event yet at that instant. */
  revision: number | null;
  state: unknown;
  /** The events folded, oldest first. */
  events: FoldedEvent[];
}

export interface StateDiff {
  streamId: string;
  aggregate: string;
  from: StateAt;
  to: StateAt;
  changes: StateChange[];
  /** Events after `from` up to `to`: what made the changes. */
  eventsBetween: FoldedEvent[];
}

/**
 * The state of an aggregate as of an instant: its events whose `occurredAt` is not after
 * the instant, folded with the context's own decider (the same semantics as
 * `AggregateRepository.load(stream, decider, until)`), each event's data first shown
 * through the EventRevealer (so a context that encrypts can fold plain values) and upcast to
 * its current schema version. Deciders' `evolve` is pure: the state of an earlier instant is
 * kept as it was, shown as JSON (`plainState`).
 */
export class StateAsOf {
  constructor(
    private readonly store: EventStore,
    private readonly aggregates: AuditedAggregates,
    private readonly revealer: EventRevealer = storedDataRevealer,
  ) {}

  async at(streamId: string, at: Date, reader: AuditReader): Promise<StateAt> {
    const [state] = await this.fold(streamId, [at], reader);
    return state!;
  }

  async diff(streamId: string, from: Date, to: Date, reader: AuditReader): Promise<StateDiff> {
    const [before, after] = await this.fold(streamId, [from, to], reader);
    const known = new Set(before!.events.map((e) => e.id));
    return {
      streamId,
      aggregate: after!.aggregate,
      from: before!,
      to: after!,
      changes: diffStates(before!.state, after!.state),
      eventsBetween: after!.events.filter((e) => !known.has(e.id)),
    };
  }

  /** One read of the stream, the state at each instant (in the order given). */
  private async fold(streamId: string, instants: Date[], reader: AuditReader): Promise<StateAt[]> {
    const aggregate = this.aggregates.forStream(streamId);
    const order = instants.map((at, i) => ({ at, i })).sort((a, b) => a.at.getTime() - b.at.getTime());
    const results: StateAt[] = new Array(instants.length);
    let state = aggregate.decider.initialState();
    let revision: number | null = null;
    const events: FoldedEvent[] = [];
    // Folded a run at a time (evolveAll: one copy of a large state per run, not per event).
    let pending: DomainEvent[] = [];
    const settle = () => {
      state = foldEvents(aggregate.decider, state, pending);
      pending = [];
    };
    let next = 0;
    const snapshot = () => {
      settle();
      const { at, i } = order[next]!;
      results[i] = { streamId, aggregate: aggregate.label, at: at.toISOString(), revision, state: plainState(state), events: [...events] };
      next += 1;
    };
    let seen = false;
    try {
      for await (const event of this.store.readStream(streamId)) {
        seen = true;
        const occurredAt = new Date(event.metadata.occurredAt);
        // Like AggregateRepository.load: the fold stops at the first event after the instant.
        while (next < order.length && occurredAt > order[next]!.at) snapshot();
        if (next >= order.length) break;
        // Shown through the revealer, then at its current schema version (as deciders see it).
        const data = upcastEvent({ ...event, data: await this.revealer.reveal(event, reader) }).data;
        pending.push({ type: event.type, data });
        revision = Number(event.revision);
        events.push({ revision, id: event.id, type: event.type, occurredAt: event.metadata.occurredAt, actor: event.metadata.actor });
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    if (!seen) throw new StreamNotFoundError(streamId);
    while (next < order.length) snapshot();
    return results;
  }
}
