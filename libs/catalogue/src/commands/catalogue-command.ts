import { Command } from '@nestjs/cqrs';
import type { CalendarCommand } from '../domain/calendar.decider.js';
import type { ServiceCommand } from '../domain/service.decider.js';

/** A change to a prestation (define, set its règlement, schedule a holiday opening). */
export class ChangeService extends Command<void> {
  constructor(
    readonly code: string,
    readonly change: ServiceCommand,
  ) {
    super();
  }
}

/** A change to the town's calendar (a school year, a closure). */
export class ChangeCalendar extends Command<void> {
  constructor(readonly change: CalendarCommand) {
    super();
  }
}
