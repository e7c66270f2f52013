import { Query } from '@nestjs/cqrs';
import type { TownCalendar } from '../../domain/town-calendar.js';

/** The town's calendar: school years, holidays, public holidays, closures. */
export class GetCalendar extends Query<TownCalendar> {}
