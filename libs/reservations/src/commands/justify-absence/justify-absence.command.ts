import { Command } from '@nestjs/cqrs';
import type { RequestedSlot } from '../request-reservations/request-reservations.command.js';

export class JustifyAbsence extends Command<void> {
  constructor(
    readonly familyId: string,
    readonly slot: RequestedSlot,
    readonly reference: string | null,
  ) {
    super();
  }
}
