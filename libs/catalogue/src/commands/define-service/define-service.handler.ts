import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateRepository, currentContext } from '#ardoise/commands';
import { serviceStream } from '../../domain/catalogue-events.js';
import { serviceDecider } from '../../domain/service.decider.js';
import { DefineService } from './define-service.command.js';

@CommandHandler(DefineService)
export class DefineServiceHandler implements ICommandHandler<DefineService> {
  constructor(@Inject(AggregateRepository) private readonly repository: AggregateRepository) {}

  async execute(command: DefineService): Promise<{ code: string }> {
    await this.repository.handle(serviceStream(command.service.code), serviceDecider, { type: 'DefineService', service: command.service }, currentContext(), {
      retriesOnConflict: 0,
    });
    return { code: command.service.code };
  }
}
