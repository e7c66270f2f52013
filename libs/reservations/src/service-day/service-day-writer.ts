import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CLOCK, eventMetadata, FollowedStreams, type Clock, type FollowedState, type RequestContext, type StreamFold } from '#ardoise/commands';
import { EVENT_STORE, WrongExpectedVersionError, type EventData, type EventStore } from '#ardoise/event-store';
import type { ServiceDayEvent } from '../domain/reservation-events.js';
import { applyToDraft, cloneServiceDay, serviceDayDecider, type ServiceDayCommand, type ServiceDayState } from '../domain/service-day.decider.js';

interface Pending {
  command: ServiceDayCommand;
  context: RequestContext;
  resolve: (result: { events: ServiceDayEvent[]; state: ServiceDayState }) => void;
  reject: (error: unknown) => void;
}

const MAX_BATCH = 250;
const MAX_CACHED_DAYS = 2_000;
const MAX_CONFLICTS = 50;

/**
 * Writes to service days. Correctness comes from the event store alone: every append is
 * made at the revision the decision was taken on, and a conflict (another process wrote
 * the day meanwhile) retakes the decisions on fresh state. Speed on a hot day (an opening
 * rush) comes from two things inside one process: commands for the same day are queued
 * and decided together, one append per batch (group commit), and each day's state is kept
 * in memory (FollowedStreams) instead of re-read from the start. A batch is decided on the
 * state this process last knew without reading first: if another process wrote the day
 * since, the append at the known revision fails and the batch is decided again on the
 * caught-up state — the store refuses a decision taken on a stale day, so a read before
 * every batch would only cost a round trip.
 * Each command's events keep their own metadata (actor, correlation, idempotency key).
 */
@Injectable()
export class ServiceDayWriter {
  private readonly queues = new Map<string, Pending[]>();
  private readonly days: FollowedStreams<ServiceDayState>;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.days = new FollowedStreams(store, serviceDayDecider as StreamFold<ServiceDayState>, MAX_CACHED_DAYS);
  }

  execute(streamId: string, command: ServiceDayCommand, context: RequestContext): Promise<{ events: ServiceDayEvent[]; state: ServiceDayState }> {
    return new Promise((resolve, reject) => {
      const queue = this.queues.get(streamId);
      const pending = { command, context, resolve, reject };
      if (queue) {
        queue.push(pending);
        return;
      }
      this.queues.set(streamId, [pending]);
      void this.drain(streamId);
    });
  }

  /** The child's live reservation on that day as of its last event, if any (no copy of the day). */
  async liveReservationOf(streamId: string, childId: string): Promise<string | undefined> {
    return (await this.days.current(streamId)).state.liveByChild.get(childId);
  }

  /** The day as of its last event (for reads that must not lag). */
  async read(streamId: string): Promise<ServiceDayState> {
    return cloneServiceDay((await this.days.current(streamId)).state);
  }

  private async drain(streamId: string): Promise<void> {
    const queue = this.queues.get(streamId)!;
    while (queue.length > 0) {
      const batch = queue.splice(0, MAX_BATCH);
      await this.decideBatch(streamId, batch);
    }
    this.queues.delete(streamId);
  }

  private async decideBatch(streamId: string, batch: Pending[]): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      let current: FollowedState<ServiceDayState>;
      const known = attempt === 0 ? this.days.cached(streamId) : undefined;
      try {
        current = known ?? (await this.days.current(streamId));
      } catch (error) {
        batch.forEach((p) => p.reject(error));
        return;
      }
      const state = cloneServiceDay(current.state);
      const outcomes: ({ ok: true; events: ServiceDayEvent[]; state?: ServiceDayState } | { ok: false; error: unknown })[] = [];
      const toAppend: EventData[] = [];
      const occurredAt = this.clock.now();
      for (const pending of batch) {
        try {
          const events = serviceDayDecider.decide(pending.command, state);
          for (const event of events) applyToDraft(state, event); // `state` is this batch's own copy
          outcomes.push({ ok: true, events });
          for (const event of events) {
            toAppend.push({ id: randomUUID(), type: event.type, data: event.data, metadata: eventMetadata(pending.context, occurredAt, event.type) });
          }
        } catch (error) {
          outcomes.push({ ok: false, error });
        }
      }
      // Decided on the known state without reading, and nothing to append: no append proved that
      // state current (a refusal such as "not booked" may come from a day another process changed).
      if (known && toAppend.length === 0) continue;
      try {
        let revision = current.revision;
        if (toAppend.length > 0) {
          const result = await this.store.append(streamId, toAppend, { expectedRevision: current.revision ?? 'no_stream' });
          revision = result.nextRevision;
        }
        this.days.remember(streamId, { state, revision });
        batch.forEach((pending, i) => {
          const outcome = outcomes[i];
          if (outcome.ok) pending.resolve({ events: outcome.events, state });
          else pending.reject(outcome.error);
        });
        return;
      } catch (error) {
        if (error instanceof WrongExpectedVersionError && attempt < MAX_CONFLICTS) {
          await new Promise((r) => setTimeout(r, Math.random() * Math.min(50, 2 ** attempt)));
          continue; // another process wrote the day: decide again on what it wrote
        }
        this.days.forget(streamId);
        batch.forEach((p) => p.reject(error));
        return;
      }
    }
  }
}
