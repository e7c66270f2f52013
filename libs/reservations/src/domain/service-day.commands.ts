import type { AttendanceStatus, DayClosed, ReservationRef } from './reservation-events.js';

/** What a service day is asked to decide (see service-day.decider.ts). */

/** Where the day stands with respect to a holiday opening (computed by the handler from the clock). */
export type OpeningPhase =
  { kind: 'open' } | { kind: 'not_open_yet'; opensAt: string } | { kind: 'collecting'; openingId: string } | { kind: 'after_window'; openingId: string };

export interface ValidateLine {
  type: 'ValidateLine';
  line: ReservationRef;
  capacity: number | null;
  /** Why the day is closed (a code, e.g. PUBLIC_HOLIDAY, and the town's name for it): recorded, never words. */
  closed: DayClosed | null;
  /** `at` null: the prestation has no règlement (then the day is closed too). */
  deadline: { at: string | null; passed: boolean };
  /** An agent books past the deadline: who, why, and whether the late surcharge is billed (recorded). */
  override: { by: string; reason: string; lateSurcharge: boolean } | null;
  phase: OpeningPhase;
}
export interface CancelReservation {
  type: 'CancelReservation';
  familyId: string;
  childId: string;
  by: 'parent' | 'agent';
  reason: string | null;
  deadline: { at: string | null; passed: boolean };
  capacity: number | null;
}
export interface DeclareAbsence {
  type: 'DeclareAbsence';
  familyId: string;
  childId: string;
  reason: string;
}
export interface JustifyAbsence {
  type: 'JustifyAbsence';
  familyId: string;
  childId: string;
  reference: string | null;
}
export interface RecordAttendance {
  type: 'RecordAttendance';
  serviceCode: string;
  date: string;
  familyId: string;
  childId: string;
  status: AttendanceStatus;
  /** When the agent took the mark (an ISO instant; a tablet offline sends it later). */
  markedAt: string;
}
export interface Allocate {
  type: 'Allocate';
  serviceCode: string;
  date: string;
  openingId: string;
  capacity: number | null;
  /** Submitted reservation ids in the order the allocation rules ranked them. */
  ranking: string[];
}
/**
 * An agent gives free places to the waiting list: one chosen child (`reservationId`), or
 * the first in line up to the free places (after the town raised the capacity).
 */
export interface PromoteFromWaitlist {
  type: 'PromoteFromWaitlist';
  capacity: number | null;
  reservationId: string | null;
}
export type ServiceDayCommand = ValidateLine | CancelReservation | DeclareAbsence | JustifyAbsence | RecordAttendance | Allocate | PromoteFromWaitlist;
