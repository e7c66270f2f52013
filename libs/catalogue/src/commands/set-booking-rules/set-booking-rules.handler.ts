import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateRepository, currentContext } from '#ardoise/commands';
import { serviceStream } from '../../domain/catalogue-events.js';
import { serviceDecider } from '../../domain/service.decider.js';
import { SetBookingRules } from './set-booking-rules.command.js';

@CommandHandler(SetBookingRules)
export class SetBookingRulesHandler implements ICommandHandler<SetBookingRules> {
  constructor(@Inject(AggregateRepository) private readonly repository: AggregateRepository) {}

  async execute({ code, rules, unlessDecided }: SetBookingRules): Promise<void> {
    await this.repository.handle(serviceStream(code), serviceDecider, { type: 'SetBookingRules', rules, unlessDecided }, currentContext(), {
      retriesOnConflict: 3,
    });
  }
}
