import { Query } from '@nestjs/cqrs';
import type { BasketLineView } from '../../commands/request-reservations/request-reservations.command.js';

/** The family's basket: the days requested and not yet validated, for all its children. */
export class GetBasket extends Query<{ lines: BasketLineView[] }> {
  constructor(readonly familyId: string) {
    super();
  }
}
