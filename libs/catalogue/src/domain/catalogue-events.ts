import { streamName } from '#ardoise/kernel';
import type { DomainEvent } from '#ardoise/commands';
import type { ClockTime, DeadlineRule } from './deadline-rule.js';
import type { LocalDate } from '#ardoise/kernel';
import type { ServiceKind, Weekday } from './service-kind.js';
import type { Closure, SchoolYear, ServiceSeason } from './town-calendar.js';

export const SERVICE_DEFINED = 'ServiceDefined';
export const BOOKING_RULES_SET = 'BookingRulesSet';
export const HOLIDAY_OPENING_SCHEDULED = 'HolidayOpeningScheduled';
export const SCHOOL_YEAR_DEFINED = 'SchoolYearDefined';
export const CLOSURE_DECLARED = 'ClosureDeclared';
export const SERVICE_CAPACITY_CHANGED = 'ServiceCapacityChanged';
export const SESSION_START_SET = 'SessionStartSet';

/** A prestation the town offers: its code is its identity (`service-<code>` stream). */
export type ServiceDefined = DomainEvent<
  typeof SERVICE_DEFINED,
  {
    code: string;
    label: string;
    kind: ServiceKind;
    weekdays: Weekday[];
    /** Places per day; null = no limit (always null for the canteen). */
    dailyCapacity: number | null;
    /** When its sessions start (HH:MM, Paris); absent or null until the town says. */
    startTime?: ClockTime | null;
  }
>;

/** The town changes the places per day (a raise frees places for the waiting lists). */
export type ServiceCapacityChanged = DomainEvent<typeof SERVICE_CAPACITY_CHANGED, { code: string; dailyCapacity: number | null; previous: number | null }>;

/** When the prestation's sessions start: what « 72 heures avant le début de la séance » counts from. */
export type SessionStartSet = DomainEvent<typeof SESSION_START_SET, { code: string; startTime: ClockTime }>;

/** When a prestation runs and until when it can be booked and cancelled (the règlement). */
export type BookingRulesSet = DomainEvent<typeof BOOKING_RULES_SET, { code: string; season: ServiceSeason; booking: DeadlineRule; cancellation: DeadlineRule }>;

/**
 * How the town opens bookings for a holiday period: at `opensAt`, either first come first
 * served (with a waiting list), or requests collected until `requestsCloseAt` and then
 * allocated by priority rules and a seeded lottery.
 */
export type OpeningMode = 'first_come' | 'allocation';
export type AllocationPriority = 'full_period' | 'siblings';
export interface HolidayOpening {
  openingId: string;
  code: string;
  label: string;
  from: LocalDate;
  to: LocalDate;
  opensAt: string;
  mode: OpeningMode;
  requestsCloseAt: string | null;
  priorities: AllocationPriority[];
  lotterySeed: string | null;
}
export type HolidayOpeningScheduled = DomainEvent<typeof HOLIDAY_OPENING_SCHEDULED, HolidayOpening>;

/** The `calendar-town` stream: school years (zone holidays, public holidays) and closures. */
export type SchoolYearDefined = DomainEvent<typeof SCHOOL_YEAR_DEFINED, SchoolYear>;
export type ClosureDeclared = DomainEvent<typeof CLOSURE_DECLARED, Closure>;

export type ServiceEvent = ServiceDefined | BookingRulesSet | HolidayOpeningScheduled | ServiceCapacityChanged | SessionStartSet;
export type CalendarEvent = SchoolYearDefined | ClosureDeclared;

export const serviceStream = (code: string) => streamName('service', code);
export const CALENDAR_STREAM = streamName('calendar', 'town');
