import { Command } from '@nestjs/cqrs';
import type { ClockTime } from '../../domain/deadline-rule.js';

/** When a prestation's sessions start: what « n heures avant le début de la séance » counts from. */
export class SetSessionStart extends Command<void> {
  constructor(
    readonly code: string,
    readonly startTime: ClockTime,
    /** The demo seed: do nothing when the town has already set a start time. */
    readonly unlessDecided = false,
  ) {
    super();
  }
}
