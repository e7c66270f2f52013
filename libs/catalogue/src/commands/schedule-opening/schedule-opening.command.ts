import { Command } from '@nestjs/cqrs';
import type { HolidayOpening } from '../../domain/catalogue-events.js';

/** The opening of bookings for a holiday period (first come, or requests then allocation). */
export class ScheduleOpening extends Command<void> {
  constructor(
    readonly opening: HolidayOpening,
    /** The demo seed: do nothing when this opening, or another on its dates, is already scheduled. */
    readonly unlessDecided = false,
  ) {
    super();
  }
}
