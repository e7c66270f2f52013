import type { ServiceConfig, TownCalendar } from '#ardoise/catalogue';
import { DEMO_SCHOOL_YEAR } from '#ardoise/catalogue';
import { bookingTerms } from './booking-terms.js';

const calendar: TownCalendar = { years: [DEMO_SCHOOL_YEAR], closures: [] };
const care: ServiceConfig = {
  code: 'ATELIER',
  label: 'Atelier du soir',
  kind: 'evening_care',
  weekdays: [1, 2, 4, 5],
  dailyCapacity: 20,
  startTime: '16:30',
  season: 'school',
  booking: null,
  cancellation: null,
  openings: [],
};

describe('the terms of a day of a prestation', () => {
  it('a prestation without a règlement cannot be booked: the day is closed and has no deadline', () => {
    const terms = bookingTerms(care, calendar, '2026-12-10', new Date('2026-12-01T10:00:00Z'));
    expect(terms.closed).toEqual({ reason: 'NO_RULES', label: 'Le règlement de cette prestation n’est pas encore fixé' });
    expect(terms.booking).toEqual({ at: null, passed: true });
  });

  it('once the règlement is set, the day opens with its deadline', () => {
    const rule = { kind: 'school_days_before' as const, days: 1, at: '10:00' };
    const terms = bookingTerms({ ...care, booking: rule, cancellation: rule }, calendar, '2026-12-10', new Date('2026-12-01T10:00:00Z'));
    expect(terms.closed).toBeNull();
    // Thursday 10 December: the school day before is Tuesday 8 (no school on Wednesday), 10:00 Paris.
    expect(terms.booking).toEqual({ at: '2026-12-08T09:00:00.000Z', passed: false });
  });
});
