import { Command } from '@nestjs/cqrs';
import type { LineOutcome, RejectionCode } from '../../domain/reservation-events.js';
import type { BasketLineView } from '../request-reservations/request-reservations.command.js';

export interface LineResult extends BasketLineView {
  outcome: LineOutcome;
  code: RejectionCode | null;
  message: string;
  waitlistRank: number | null;
}

export class ValidateBasket extends Command<{ lines: LineResult[] }> {
  constructor(
    readonly familyId: string,
    /** `lateSurcharge`: bill the « Majoration hors délai » for the late days (default: no). */
    readonly override: { reason: string; lateSurcharge: boolean } | null,
  ) {
    super();
  }
}
