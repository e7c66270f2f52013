import type { CommandBus } from '@nestjs/cqrs';
import { DefineSchoolYear } from '../commands/define-school-year/define-school-year.command.js';
import { ScheduleOpening } from '../commands/schedule-opening/schedule-opening.command.js';
import { SetBookingRules } from '../commands/set-booking-rules/set-booking-rules.command.js';
import { SetSessionStart } from '../commands/set-session-start/set-session-start.command.js';
import { DEMO_BOOKING_RULES, DEMO_OPENINGS, DEMO_SCHOOL_YEAR, DEMO_SESSION_STARTS } from './demo-calendar.js';

/**
 * The demo town's calendar, règlement and winter opening. Each command is `unlessDecided`: it
 * only fills what the town has not set yet, so a restart appends nothing and never undoes a
 * change made by the staff.
 */
export async function seedDemoCatalogueRules(commands: CommandBus): Promise<number> {
  await commands.execute(new DefineSchoolYear(DEMO_SCHOOL_YEAR, true));
  for (const { code, startTime } of DEMO_SESSION_STARTS) {
    await commands.execute(new SetSessionStart(code, startTime, true));
  }
  for (const rules of DEMO_BOOKING_RULES) {
    await commands.execute(new SetBookingRules(rules.code, rules, true));
  }
  for (const opening of DEMO_OPENINGS) {
    await commands.execute(new ScheduleOpening(opening, true));
  }
  return 1 + DEMO_SESSION_STARTS.length + DEMO_BOOKING_RULES.length + DEMO_OPENINGS.length;
}
