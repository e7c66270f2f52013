import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { BasketLineView } from '../../commands/request-reservations/request-reservations.command.js';
import { Baskets } from '../../basket/baskets.js';
import { GetBasket } from './get-basket.query.js';

/** Folded from the basket's stream (no read model, Baskets): what the family just put in is always there. */
@QueryHandler(GetBasket)
export class GetBasketHandler implements IQueryHandler<GetBasket> {
  constructor(@Inject(Baskets) private readonly baskets: Baskets) {}

  async execute(query: GetBasket): Promise<{ lines: BasketLineView[] }> {
    const state = await this.baskets.current(query.familyId);
    const lines = [...state.pending.values()]
      .map(({ reservationId, childId, serviceCode, date }) => ({ reservationId, childId, serviceCode, date }))
      .sort((a, b) => a.date.localeCompare(b.date) || a.serviceCode.localeCompare(b.serviceCode));
    return { lines };
  }
}
