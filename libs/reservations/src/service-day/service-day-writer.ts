import { Inject, Injectable } from '@nestjs/common';
import { AggregateRepository, FollowedStreams, followedStream, GroupCommit, type RequestContext, type StreamFold } from '#ardoise/commands';
import { EVENT_STORE, type EventStore } from '#ardoise/event-store';
import { CONFLICT_BACKOFF } from '#ardoise/kernel';
import type { ServiceDayEvent } from '../domain/reservation-events.js';
import { applyToDraft, cloneServiceDay, serviceDayDecider, type ServiceDayCommand, type ServiceDayState } from '../domain/service-day.decider.js';

const MAX_BATCH = 250;
const MAX_CACHED_DAYS = 2_000;
const MAX_CONFLICTS = 50;

/**
 * Writes to service days: the command pipeline with the hot-stream settings (decision 0005).
 * Correctness comes from the event store alone: every append is made at the revision the
 * decision was taken on, and a conflict (another process wrote the day meanwhile) retakes
 * the decisions on fresh state. Speed on a hot day (an opening rush) comes from group
 * commit (the commands for one day queued and decided together, one append per batch) and
 * from the day's state kept in memory (FollowedStreams), decided on without reading first.
 */
@Injectable()
export class ServiceDayWriter {
  private readonly days: FollowedStreams<ServiceDayState>;
  private readonly writer: GroupCommit<ServiceDayState, ServiceDayCommand, ServiceDayEvent>;

  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(AggregateRepository) pipeline: AggregateRepository) {
    this.days = new FollowedStreams(store, serviceDayDecider as StreamFold<ServiceDayState>, MAX_CACHED_DAYS);
    this.writer = new GroupCommit(pipeline, serviceDayDecider, {
      maxBatch: MAX_BATCH,
      source: followedStream(this.days),
      copy: cloneServiceDay,
      draft: applyToDraft as (state: ServiceDayState, event: unknown) => ServiceDayState,
      retriesOnConflict: MAX_CONFLICTS,
      backoff: CONFLICT_BACKOFF,
    });
  }

  /**
   * `replayByIdempotencyKey`: false when one request puts several commands on the same day
   * (a basket with two children on one day); those commands are idempotent by their own ids.
   */
  execute(
    streamId: string,
    command: ServiceDayCommand,
    context: RequestContext,
    replayByIdempotencyKey = true,
  ): Promise<{ events: ServiceDayEvent[]; state: ServiceDayState }> {
    return this.writer.execute(streamId, command, context, replayByIdempotencyKey);
  }

  /** The child's live reservation on that day as of its last event, if any (no copy of the day). */
  async liveReservationOf(streamId: string, childId: string): Promise<string | undefined> {
    return (await this.days.current(streamId)).state.liveByChild.get(childId);
  }

  /** The day as of its last event (for reads that must not lag). */
  async read(streamId: string): Promise<ServiceDayState> {
    return cloneServiceDay((await this.days.current(streamId)).state);
  }
}
