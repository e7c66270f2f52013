import { Command } from '@nestjs/cqrs';

export class RemoveFromBasket extends Command<void> {
  constructor(
    readonly familyId: string,
    readonly reservationId: string,
  ) {
    super();
  }
}
