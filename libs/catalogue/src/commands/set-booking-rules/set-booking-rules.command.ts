import { Command } from '@nestjs/cqrs';
import type { BookingRulesSet } from '../../domain/catalogue-events.js';

/** The règlement of a prestation: when its days can be booked and cancelled. */
export class SetBookingRules extends Command<void> {
  constructor(
    readonly code: string,
    readonly rules: BookingRulesSet['data'],
    /** The demo seed: do nothing when the town has already set this prestation's règlement. */
    readonly unlessDecided = false,
  ) {
    super();
  }
}
