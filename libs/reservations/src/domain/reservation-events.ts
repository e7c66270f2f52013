import { defineEvent, streamName } from '#ardoise/kernel';
import { reservationRejectedV1toV2 } from './reservation-rejected.v1.js';
import type { DomainEvent } from '#ardoise/commands';

/** What every fact about one reservation says: whose, which prestation, which day. */
export interface ReservationRef {
  /** The basket line's id, kept as the reservation's id through its whole life. */
  reservationId: string;
  familyId: string;
  childId: string;
  serviceCode: string;
  date: string;
}

export type RejectionCode = 'DAY_CLOSED' | 'DEADLINE_PASSED' | 'ALREADY_BOOKED' | 'NOT_OPEN_YET' | 'ALLOCATION_PENDING';

// basket-<familyId>
export type ReservationRequested = DomainEvent<'ReservationRequested', ReservationRef>;
export type BasketLineRemoved = DomainEvent<'BasketLineRemoved', ReservationRef>;
export type BasketValidated = DomainEvent<
  'BasketValidated',
  { familyId: string; lines: { reservationId: string; outcome: LineOutcome; code: RejectionCode | null }[] }
>;
export type BasketEvent = ReservationRequested | BasketLineRemoved | BasketValidated;

// service_day-<code>-<date>
export type ReservationValidated = DomainEvent<'ReservationValidated', ReservationRef>;
export type ReservationWaitlisted = DomainEvent<'ReservationWaitlisted', ReservationRef & { rank: number }>;
/** Why a day takes no booking: the catalogue's reason code (or NO_RULES) and the town's own name for it. */
export interface DayClosed {
  reason: string;
  name?: string;
}
/**
 * A refusal, as a code and its parameters (never words: they are rendered at the edge,
 * rejection-messages.ts). Schema version 2; version 1 also carried a French `message`.
 */
export type ReservationRejected = DomainEvent<'ReservationRejected', ReservationRef & { code: RejectionCode; dayClosed?: DayClosed }>;
defineEvent('ReservationRejected', { version: 2, upcasters: { 1: reservationRejectedV1toV2 } });
/** Received during an allocation window: a place is decided later by the allocation run. */
export type ReservationSubmitted = DomainEvent<'ReservationSubmitted', ReservationRef & { openingId: string }>;
export type ReservationCancelled = DomainEvent<
  'ReservationCancelled',
  ReservationRef & { by: 'parent' | 'agent'; reason: string | null; afterDeadline: boolean; previousStatus: LiveStatus }
>;
export type ReservationPromoted = DomainEvent<'ReservationPromoted', ReservationRef>;
/**
 * `lateSurcharge` (bookings only): whether the « Majoration hors délai » is billed for this
 * late booking. The agent decides; absent (events recorded before the choice existed, and
 * cancellations) means not applied, the default when the town's agent books for a family.
 */
export type DeadlineOverridden = DomainEvent<
  'DeadlineOverridden',
  ReservationRef & { action: 'booking' | 'cancellation'; deadline: string; reason: string; by: string; lateSurcharge?: boolean }
>;
export type AbsenceDeclared = DomainEvent<'AbsenceDeclared', ReservationRef & { reason: string }>;
export type AbsenceJustified = DomainEvent<'AbsenceJustified', ReservationRef & { document: 'medical_certificate'; reference: string | null; charged: false }>;
export type AttendanceStatus = 'present' | 'absent' | 'excused' | 'present_unbooked';
export type AttendanceRecorded = DomainEvent<
  'AttendanceRecorded',
  {
    serviceCode: string;
    date: string;
    childId: string;
    familyId: string;
    reservationId: string | null;
    status: AttendanceStatus;
    /** When the mark was taken on the device (absent on marks recorded before tablets could work offline). */
    markedAt?: string;
    /** A mark older than the one in force when it arrived: kept in the log, without effect. */
    superseded?: boolean;
  }
>;
export type AllocationCompleted = DomainEvent<
  'AllocationCompleted',
  { serviceCode: string; date: string; openingId: string; validated: number; waitlisted: number }
>;

export type ServiceDayEvent =
  | ReservationValidated
  | ReservationWaitlisted
  | ReservationRejected
  | ReservationSubmitted
  | ReservationCancelled
  | ReservationPromoted
  | DeadlineOverridden
  | AbsenceDeclared
  | AbsenceJustified
  | AttendanceRecorded
  | AllocationCompleted;

export type LiveStatus = 'validated' | 'waitlisted' | 'submitted';
export type LineOutcome = 'validated' | 'waitlisted' | 'submitted' | 'rejected';

export const SERVICE_DAY_EVENT_TYPES: ServiceDayEvent['type'][] = [
  'ReservationValidated',
  'ReservationWaitlisted',
  'ReservationRejected',
  'ReservationSubmitted',
  'ReservationCancelled',
  'ReservationPromoted',
  'DeadlineOverridden',
  'AbsenceDeclared',
  'AbsenceJustified',
  'AttendanceRecorded',
  'AllocationCompleted',
];
export const BASKET_EVENT_TYPES: BasketEvent['type'][] = ['ReservationRequested', 'BasketLineRemoved', 'BasketValidated'];

export const basketStream = (familyId: string) => streamName('basket', familyId);
export const serviceDayStream = (serviceCode: string, date: string) => streamName('service_day', serviceCode, date);
