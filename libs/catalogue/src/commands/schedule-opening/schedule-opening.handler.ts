import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateRepository, currentContext } from '#ardoise/commands';
import { serviceStream } from '../../domain/catalogue-events.js';
import { serviceDecider } from '../../domain/service.decider.js';
import { ScheduleOpening } from './schedule-opening.command.js';

@CommandHandler(ScheduleOpening)
export class ScheduleOpeningHandler implements ICommandHandler<ScheduleOpening> {
  constructor(@Inject(AggregateRepository) private readonly repository: AggregateRepository) {}

  async execute({ opening, unlessDecided }: ScheduleOpening): Promise<void> {
    await this.repository.handle(serviceStream(opening.code), serviceDecider, { type: 'ScheduleOpening', opening, unlessDecided }, currentContext(), {
      retriesOnConflict: 3,
    });
  }
}
