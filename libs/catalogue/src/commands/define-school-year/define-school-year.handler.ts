import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateRepository, currentContext } from '#ardoise/commands';
import { CALENDAR_STREAM } from '../../domain/catalogue-events.js';
import { calendarDecider } from '../../domain/calendar.decider.js';
import { DefineSchoolYear } from './define-school-year.command.js';

@CommandHandler(DefineSchoolYear)
export class DefineSchoolYearHandler implements ICommandHandler<DefineSchoolYear> {
  constructor(@Inject(AggregateRepository) private readonly repository: AggregateRepository) {}

  async execute({ year, unlessDecided }: DefineSchoolYear): Promise<void> {
    await this.repository.handle(CALENDAR_STREAM, calendarDecider, { type: 'DefineSchoolYear', year, unlessDecided }, currentContext(), {
      retriesOnConflict: 3,
    });
  }
}
