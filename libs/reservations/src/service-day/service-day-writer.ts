import { Inject, Injectable } from '@nestjs/common';
import { AggregateRepository, FollowedStreams, followedStream, GroupCommit, type RequestContext, type StateSource, type StreamFold } from '#ardoise/commands';
import { EVENT_STORE, type EventStore } from '#ardoise/event-store';
import { CONFLICT_BACKOFF } from '#ardoise/kernel';
import type { ServiceDayEvent } from '../domain/reservation-events.js';
import { commitServiceDayDraft, draftServiceDay, type ServiceDayDraft } from '../domain/service-day-draft.js';
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
 * from the day's state kept in memory (FollowedStreams), decided on without reading first,
 * and from deciding each batch on a draft of the day (`draftServiceDay`: a layer over the day
 * in memory) rather than a copy of its thousands of entries.
 */
@Injectable()
export class ServiceDayWriter {
  private readonly days: FollowedStreams<ServiceDayState>;
  private readonly writer: GroupCommit<ServiceDayState, ServiceDayCommand, ServiceDayEvent>;

  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(AggregateRepository) pipeline: AggregateRepository) {
    this.days = new FollowedStreams(store, serviceDayDecider as StreamFold<ServiceDayState>, MAX_CACHED_DAYS);
    const followed = followedStream(this.days);
    const source: StateSource<ServiceDayState> = {
      load: (streamId, attempt) => followed.load(streamId, attempt),
      // Called only once the batch's events are in the store, at the revision the draft was decided on.
      appended: (streamId, basis) => followed.appended(streamId, { ...basis, state: this.settle(streamId, basis.state as ServiceDayDraft) }),
      failed: (streamId) => followed.failed(streamId), // a failed or conflicting append: the draft is dropped, the day in memory was never changed
    };
    this.writer = new GroupCommit(pipeline, serviceDayDecider, {
      maxBatch: MAX_BATCH,
      source,
      copy: draftServiceDay,
      draft: applyToDraft as (state: ServiceDayState, event: unknown) => ServiceDayState,
      retriesOnConflict: MAX_CONFLICTS,
      backoff: CONFLICT_BACKOFF,
    });
  }

  /**
   * The day after an appended batch, to keep in memory. THE ONE PLACE where a day in memory is
   * written in place: the draft's layer is folded into its base when the base is still the day
   * this process follows (same object: nothing replaced it since the batch loaded it). That is
   * safe because (1) the store has accepted the batch's events at the revision the base stood
   * for, so the base moves to exactly the state after them, in one synchronous step, as a
   * catch-up read would have (no reader sees half of it); (2) the base has no other writer: a
   * day's batches run one after the other (GroupCommit), a catch-up folds what it reads into a
   * new copy (`evolveAll`) and never into the base, and a read of the day (`read`) copies it;
   * (3) a failed or conflicting append never reaches here, so its draft is just dropped.
   * Otherwise (a catch-up replaced the day meanwhile, or the day left the cache) the draft is
   * copied into a day of its own, and FollowedStreams keeps whichever is the more recent.
   * The state a command receives from `execute` is its batch's draft: it reads through to the
   * base, which the NEXT batch moves on, so it is read at once (as validation does), not kept.
   */
  private settle(streamId: string, draft: ServiceDayDraft): ServiceDayState {
    return this.days.cached(streamId)?.state === draft.base ? commitServiceDayDraft(draft) : cloneServiceDay(draft);
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
