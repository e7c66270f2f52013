import type { ColumnType } from 'kysely';
import type { AttendanceStatus, RejectionCode } from '../domain/reservation-events.js';

/**
 * The reservations' read-model tables as its queries see them (each name is a view on the
 * active generation, docs/projections.md); the projector writes the physical generation
 * tables (reservations.projector.ts).
 */
export interface ReservationsDatabase {
  reservation_lines: ReservationLinesTable;
  reservation_days: ReservationDaysTable;
  reservation_attendance: AttendanceTable;
}

/**
 * A `date` column: the driver reads it as a Date (at local midnight), queries compare it with
 * a `YYYY-MM-DD` string (kysely types a comparison with the selected type, hence the union)
 * and cast it when they need the day as text (`date::text`).
 */
type Day = ColumnType<Date | string, string, string>;
type Instant = ColumnType<Date, string, string>;

/** One row per basket line, kept as the reservation's row through its whole life. */
export interface ReservationLinesTable {
  reservation_id: string;
  family_id: string;
  child_id: string;
  service_code: string;
  date: Day;
  status: 'requested' | 'removed' | 'validated' | 'waitlisted' | 'submitted' | 'rejected' | 'cancelled';
  code: RejectionCode | null;
  closed_reason: string | null;
  closed_name: string | null;
  /** The event-store revision of the day when the child was waitlisted (bigint: a string). */
  queue_revision: string | null;
  overridden: boolean;
  override_reason: string | null;
  cancelled_by: 'parent' | 'agent' | null;
  cancel_reason: string | null;
  absence: 'declared' | 'justified' | null;
  absence_reason: string | null;
  charged: boolean;
  requested_at: Instant | null;
  updated_at: Instant;
}

/** Per prestation and day, how many reservations are in each state that takes or waits for a place. */
export interface ReservationDaysTable {
  service_code: string;
  date: Day;
  validated: number;
  waitlisted: number;
  submitted: number;
}

/** The attendance sheet: the last mark for each child on a service day. */
export interface AttendanceTable {
  service_code: string;
  date: Day;
  child_id: string;
  family_id: string;
  reservation_id: string | null;
  status: AttendanceStatus;
  recorded_at: Instant;
}
