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
