import { Command } from '@nestjs/cqrs';
import type { AttendanceStatus, LineOutcome, RejectionCode } from '../domain/reservation-events.js';

export interface RequestedSlot {
  childId: string;
  serviceCode: string;
  date: string;
}

export interface BasketLineView extends RequestedSlot {
  reservationId: string;
}

export interface SkippedDay extends RequestedSlot {
  code: string;
  message: string;
}

/** Days put in the basket; with `skipImpossible`, days that cannot be booked are listed instead of refused. */
export class RequestReservations extends Command<{ added: BasketLineView[]; alreadyInBasket: BasketLineView[]; skipped: SkippedDay[] }> {
  constructor(
    readonly familyId: string,
    readonly slots: RequestedSlot[],
    readonly skipImpossible: boolean,
  ) {
    super();
  }
}

export class RemoveFromBasket extends Command<void> {
  constructor(
    readonly familyId: string,
    readonly reservationId: string,
  ) {
    super();
  }
}

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

export class CancelReservation extends Command<{ promoted: number }> {
  constructor(
    readonly familyId: string,
    readonly slot: RequestedSlot,
    readonly reason: string | null,
  ) {
    super();
  }
}

export class DeclareAbsence extends Command<void> {
  constructor(
    readonly familyId: string,
    readonly slot: RequestedSlot,
    readonly reason: string,
  ) {
    super();
  }
}

export class JustifyAbsence extends Command<void> {
  constructor(
    readonly familyId: string,
    readonly slot: RequestedSlot,
    readonly reference: string | null,
  ) {
    super();
  }
}

export class RecordAttendance extends Command<void> {
  constructor(
    readonly serviceCode: string,
    readonly date: string,
    readonly childId: string,
    readonly status: AttendanceStatus,
    /** When the agent took the mark on the device (ISO instant), if it says so. */
    readonly markedAt: string | null = null,
  ) {
    super();
  }
}

export class RunAllocation extends Command<{ days: number; validated: number; waitlisted: number }> {
  constructor(
    readonly serviceCode: string,
    readonly openingId: string,
  ) {
    super();
  }
}
