import type { CommandBus } from '@nestjs/cqrs';
import { ChangeCalendar, ChangeService } from '../commands/catalogue-command.js';
import { DEMO_BOOKING_RULES, DEMO_OPENINGS, DEMO_SCHOOL_YEAR, DEMO_SESSION_STARTS } from './demo-calendar.js';

/**
 * The demo town's calendar, règlement and winter opening. Each command is `unlessDecided`: it
 * only fills what the town has not set yet, so a restart appends nothing and never undoes a
 * change made by the staff.
 */
export async function seedDemoCatalogueRules(commands: CommandBus): Promise<number> {
  await commands.execute(new ChangeCalendar({ type: 'DefineSchoolYear', year: DEMO_SCHOOL_YEAR, unlessDecided: true }));
  for (const { code, startTime } of DEMO_SESSION_STARTS) {
    await commands.execute(new ChangeService(code, { type: 'SetSessionStart', startTime, unlessDecided: true }));
  }
  for (const rules of DEMO_BOOKING_RULES) {
    await commands.execute(new ChangeService(rules.code, { type: 'SetBookingRules', rules, unlessDecided: true }));
  }
  for (const opening of DEMO_OPENINGS) {
    await commands.execute(new ChangeService(opening.code, { type: 'ScheduleOpening', opening, unlessDecided: true }));
  }
  return 1 + DEMO_SESSION_STARTS.length + DEMO_BOOKING_RULES.length + DEMO_OPENINGS.length;
}
