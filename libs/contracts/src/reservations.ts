/** The reservations API as the portal reads it (mirrors libs/reservations). */
export type CellState = 'free' | 'requested' | 'validated' | 'waitlisted' | 'submitted' | 'closed' | 'full' | 'past_deadline';

/** One service × day of GET /families/:familyId/children/:childId/period. */
export interface PeriodCell {
  date: string;
  state: CellState;
  canChange: boolean;
  /** ISO instant after which this cell can no longer change (booking, or cancellation once validated). */
  deadline: string | null;
  reservationId: string | null;
  waitlistRank: number | null;
  /**
   * A full day the child holds no place or waiting-list rank on (free to ask, or in the
   * basket): the rank a request would take on the waiting list now (1 = first); null otherwise.
   */
  waitlistNextRank: number | null;
  closedLabel: string | null;
  /** An absence on a validated day: declared by the family, or justified (medical certificate: not charged). */
  absence: 'declared' | 'justified' | null;
}

export interface PeriodService {
  code: string;
  label: string;
  /** The booking rule in words, e.g. "la veille à 18:00". */
  booking: string | null;
  cancellation: string | null;
  days: PeriodCell[];
}

export interface PeriodView {
  childId: string;
  view: 'month' | 'week';
  from: string;
  to: string;
  previous: string;
  next: string;
  services: PeriodService[];
}

export interface BasketLine {
  reservationId: string;
  childId: string;
  serviceCode: string;
  date: string;
}

/** GET /families/:familyId/basket */
export interface BasketView {
  lines: BasketLine[];
}

export interface SkippedDay {
  childId: string;
  serviceCode: string;
  date: string;
  code: string;
  message: string;
}

/** POST basket/lines, basket/agenda, basket/typical-week */
export interface RequestResult {
  added: BasketLine[];
  alreadyInBasket: BasketLine[];
  skipped: SkippedDay[];
}

export type LineOutcome = 'validated' | 'waitlisted' | 'submitted' | 'rejected';

export interface LineResult extends BasketLine {
  outcome: LineOutcome;
  code: string | null;
  message: string;
  waitlistRank: number | null;
}

/** POST basket/validation */
export interface ValidationResult {
  lines: LineResult[];
}

export type AttendanceStatus = 'present' | 'absent' | 'excused' | 'present_unbooked';

/** A child on a staff list (health fields only for agents and admins). */
export interface DayListChild {
  childId: string;
  firstName: string | null;
  lastName: string | null;
  school: string | null;
  className: string | null;
  diet: string | null;
  allergies?: string | null;
  pai?: boolean;
  attendance: AttendanceStatus | null;
}

/** GET /service-days/:serviceCode/:date/children — who is expected, and the attendance sheet. */
export interface DayList {
  serviceCode: string;
  label: string;
  date: string;
  capacity: number | null;
  booked: number;
  children: (DayListChild & { reservationId: string; absence: 'declared' | 'justified' | null })[];
  presentWithoutBooking: DayListChild[];
}

/** GET /service-days/:serviceCode/:date/meal-counts */
export interface MealCounts {
  serviceCode: string;
  date: string;
  total: number;
  schools: { school: string; total: number; byDiet: Record<string, number>; withAllergies: number }[];
}

/** GET /service-days/occupancy?serviceCode=&from=&to= */
export interface Occupancy {
  serviceCode: string;
  capacity: number | null;
  days: { date: string; validated: number; waitlisted: number; submitted: number; free: number | null }[];
}

/** GET /families/:familyId/reservations?from=&to= — a family's reservations, newest day first. */
export interface ReservationHistory {
  familyId: string;
  reservations: {
    reservationId: string;
    childId: string;
    serviceCode: string;
    date: string;
    status: string;
    code: string | null;
    message: string | null;
    absence: 'declared' | 'justified' | null;
    charged: boolean | null;
    cancelledBy: string | null;
    cancelReason: string | null;
    deadlineOverridden: boolean | null;
    updatedAt: string;
  }[];
}
