import { Inject, Injectable } from '@nestjs/common';
import { AggregateRepository, FollowedStreams, followedStream, type HandleResult, type RequestContext, type StreamFold } from '#ardoise/commands';
import { EVENT_STORE, type EventStore } from '#ardoise/event-store';
import { basketDecider, type BasketCommand, type BasketState } from '../domain/basket.decider.js';
import { basketStream, type BasketEvent } from '../domain/reservation-events.js';

/**
 * Baskets kept in memory: more than a city's families (a basket between two validations holds
 * a few dozen lines, after one none). Beyond, the least recently used is read again from its start.
 */
const MAX_KEPT_BASKETS = 20_000;

/**
 * The families' baskets, read and written through the command pipeline with a followed state
 * source (decision 0015): a basket stream grows all year (every line asked, every validation),
 * but a command reads only the events after the last revision this process knows — usually
 * none — instead of the whole stream. The store stays the judge: every append is made at the
 * revision the decision was taken on, so a basket another process (another API instance)
 * changed meanwhile costs a retry on the caught-up state, never a stale decision.
 */
@Injectable()
export class Baskets {
  private readonly baskets: FollowedStreams<BasketState>;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(AggregateRepository) private readonly pipeline: AggregateRepository,
  ) {
    this.baskets = new FollowedStreams(store, basketDecider as StreamFold<BasketState>, MAX_KEPT_BASKETS);
  }

  /** The family's basket with every event committed before the call, by any process (one small read of what is new). */
  async current(familyId: string): Promise<BasketState> {
    return (await this.baskets.current(basketStream(familyId))).state;
  }

  /**
   * The basket as this process last knew it, without reading: possibly behind (another guardian,
   * another process), so never a basis for a decision — only a hint of what to read alongside
   * `current` (the prestations its lines name).
   */
  cached(familyId: string): BasketState | undefined {
    return this.baskets.cached(basketStream(familyId))?.state;
  }

  /** Decides a command on the family's basket and appends its events (decided on what this process knows; a conflict catches up and decides again). */
  handle(familyId: string, command: BasketCommand, context: RequestContext, retriesOnConflict: number): Promise<HandleResult<BasketState, BasketEvent>> {
    return this.pipeline.handle(basketStream(familyId), basketDecider, command, context, { retriesOnConflict, source: followedStream(this.baskets) });
  }
}
