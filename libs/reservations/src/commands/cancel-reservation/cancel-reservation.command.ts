import { Command } from '@nestjs/cqrs';
import type { RequestedSlot } from '../request-reservations/request-reservations.command.js';

export class CancelReservation extends Command<{ promoted: number }> {
  constructor(
    readonly familyId: string,
    readonly slot: RequestedSlot,
    readonly reason: string | null,
  ) {
    super();
  }
}
