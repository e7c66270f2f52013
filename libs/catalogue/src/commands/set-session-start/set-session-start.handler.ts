import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateRepository, currentContext } from '#ardoise/commands';
import { serviceStream } from '../../domain/catalogue-events.js';
import { serviceDecider } from '../../domain/service.decider.js';
import { SetSessionStart } from './set-session-start.command.js';

@CommandHandler(SetSessionStart)
export class SetSessionStartHandler implements ICommandHandler<SetSessionStart> {
  constructor(@Inject(AggregateRepository) private readonly repository: AggregateRepository) {}

  async execute({ code, startTime, unlessDecided }: SetSessionStart): Promise<void> {
    await this.repository.handle(serviceStream(code), serviceDecider, { type: 'SetSessionStart', startTime, unlessDecided }, currentContext(), {
      retriesOnConflict: 3,
    });
  }
}
