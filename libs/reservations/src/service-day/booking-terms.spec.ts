import { dayBeforeAtTen, eveningCare, schoolCalendar } from '../testing/evening-care.js';
import { bookingTerms } from './booking-terms.js';

const calendar = schoolCalendar;
const care = eveningCare('ATELIER', { booking: null, cancellation: null });

describe('the terms of a day of a prestation', () => {
  it('a prestation without a règlement cannot be booked: the day is closed and has no deadline', () => {
    const terms = bookingTerms(care, calendar, '2026-12-10', new Date('2026-12-01T10:00:00Z'));
    expect(terms.closed).toEqual({ reason: 'NO_RULES', label: 'Le règlement de cette prestation n’est pas encore fixé' });
    expect(terms.booking).toEqual({ at: null, passed: true });
  });

  it('once the règlement is set, the day opens with its deadline', () => {
    const terms = bookingTerms({ ...care, booking: dayBeforeAtTen, cancellation: dayBeforeAtTen }, calendar, '2026-12-10', new Date('2026-12-01T10:00:00Z'));
    expect(terms.closed).toBeNull();
    // Thursday 10 December: the school day before is Tuesday 8 (no school on Wednesday), 10:00 Paris.
    expect(terms.booking).toEqual({ at: '2026-12-08T09:00:00.000Z', passed: false });
  });
});
