import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateRepository, currentContext } from '#ardoise/commands';
import { serviceStream } from '../../domain/catalogue-events.js';
import { serviceDecider } from '../../domain/service.decider.js';
import { ChangeCapacity } from './change-capacity.command.js';

@CommandHandler(ChangeCapacity)
export class ChangeCapacityHandler implements ICommandHandler<ChangeCapacity> {
  constructor(@Inject(AggregateRepository) private readonly repository: AggregateRepository) {}

  async execute({ code, dailyCapacity }: ChangeCapacity): Promise<void> {
    await this.repository.handle(serviceStream(code), serviceDecider, { type: 'ChangeCapacity', dailyCapacity }, currentContext(), { retriesOnConflict: 3 });
  }
}
