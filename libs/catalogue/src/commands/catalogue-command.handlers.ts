import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateRepository, currentContext } from '#ardoise/commands';
import { CALENDAR_STREAM, serviceStream } from '../domain/catalogue-events.js';
import { calendarDecider } from '../domain/calendar.decider.js';
import { serviceDecider } from '../domain/service.decider.js';
import { ChangeCalendar, ChangeService } from './catalogue-command.js';

@CommandHandler(ChangeService)
export class ChangeServiceHandler implements ICommandHandler<ChangeService> {
  constructor(@Inject(AggregateRepository) private readonly repository: AggregateRepository) {}

  async execute(command: ChangeService): Promise<void> {
    await this.repository.handle(serviceStream(command.code), serviceDecider, command.change, currentContext(), {
      retriesOnConflict: command.change.type === 'DefineService' ? 0 : 3,
    });
  }
}

@CommandHandler(ChangeCalendar)
export class ChangeCalendarHandler implements ICommandHandler<ChangeCalendar> {
  constructor(@Inject(AggregateRepository) private readonly repository: AggregateRepository) {}

  async execute(command: ChangeCalendar): Promise<void> {
    await this.repository.handle(CALENDAR_STREAM, calendarDecider, command.change, currentContext(), { retriesOnConflict: 3 });
  }
}
