import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateRepository, currentContext } from '#ardoise/commands';
import { basketDecider } from '../../domain/basket.decider.js';
import { basketStream } from '../../domain/reservation-events.js';
import { RemoveFromBasket } from './remove-from-basket.command.js';

@CommandHandler(RemoveFromBasket)
export class RemoveFromBasketHandler implements ICommandHandler<RemoveFromBasket> {
  constructor(@Inject(AggregateRepository) private readonly repository: AggregateRepository) {}

  async execute(command: RemoveFromBasket): Promise<void> {
    await this.repository.handle(
      basketStream(command.familyId),
      basketDecider,
      { type: 'RemoveLine', familyId: command.familyId, reservationId: command.reservationId },
      currentContext(),
      { retriesOnConflict: 5 },
    );
  }
}
