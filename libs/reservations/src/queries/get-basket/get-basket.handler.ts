import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AggregateRepository } from '#ardoise/commands';
import type { BasketLineView } from '../../commands/request-reservations/request-reservations.command.js';
import { basketDecider } from '../../domain/basket.decider.js';
import { basketStream } from '../../domain/reservation-events.js';
import { GetBasket } from './get-basket.query.js';

/** Folded from the basket's stream (no read model): what the family just put in is always there. */
@QueryHandler(GetBasket)
export class GetBasketHandler implements IQueryHandler<GetBasket> {
  constructor(@Inject(AggregateRepository) private readonly repository: AggregateRepository) {}

  async execute(query: GetBasket): Promise<{ lines: BasketLineView[] }> {
    const { state } = await this.repository.load(basketStream(query.familyId), basketDecider);
    const lines = [...state.pending.values()]
      .map(({ reservationId, childId, serviceCode, date }) => ({ reservationId, childId, serviceCode, date }))
      .sort((a, b) => a.date.localeCompare(b.date) || a.serviceCode.localeCompare(b.serviceCode));
    return { lines };
  }
}
