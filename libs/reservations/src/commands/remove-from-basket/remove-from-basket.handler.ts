import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { currentContext } from '#ardoise/commands';
import { Baskets } from '../../basket/baskets.js';
import { RemoveFromBasket } from './remove-from-basket.command.js';

@CommandHandler(RemoveFromBasket)
export class RemoveFromBasketHandler implements ICommandHandler<RemoveFromBasket> {
  constructor(@Inject(Baskets) private readonly baskets: Baskets) {}

  async execute(command: RemoveFromBasket): Promise<void> {
    await this.baskets.handle(command.familyId, { type: 'RemoveLine', familyId: command.familyId, reservationId: command.reservationId }, currentContext(), 5);
  }
}
