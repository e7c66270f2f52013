import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateRepository, currentContext } from '#ardoise/commands';
import { CALENDAR_STREAM } from '../../domain/catalogue-events.js';
import { calendarDecider } from '../../domain/calendar.decider.js';
import { DeclareClosure } from './declare-closure.command.js';

@CommandHandler(DeclareClosure)
export class DeclareClosureHandler implements ICommandHandler<DeclareClosure> {
  constructor(@Inject(AggregateRepository) private readonly repository: AggregateRepository) {}

  async execute({ closure }: DeclareClosure): Promise<void> {
    await this.repository.handle(CALENDAR_STREAM, calendarDecider, { type: 'DeclareClosure', closure }, currentContext(), { retriesOnConflict: 3 });
  }
}
