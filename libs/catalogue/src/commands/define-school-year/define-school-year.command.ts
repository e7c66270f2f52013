import { Command } from '@nestjs/cqrs';
import type { SchoolYear } from '../../domain/town-calendar.js';

/** A school year of the town's calendar: its holidays by zone and its public holidays. */
export class DefineSchoolYear extends Command<void> {
  constructor(
    readonly year: SchoolYear,
    /** The demo seed: do nothing when the town already has this year or one over its dates. */
    readonly unlessDecided = false,
  ) {
    super();
  }
}
