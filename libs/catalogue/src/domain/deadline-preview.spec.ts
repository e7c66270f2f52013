import { DEMO_SCHOOL_YEAR } from '../seed/demo-calendar.js';
import { previewDeadlines } from './deadline-preview.js';

const calendar = { years: [DEMO_SCHOOL_YEAR], closures: [] };
const care = { code: 'MATIN', weekdays: [1, 2, 4, 5], season: 'school' as const, startTime: '07:30' };

describe('the live preview of a règlement', () => {
  it('gives each day its deadline in words, as the parents read it', () => {
    const [thursday] = previewDeadlines(care, { booking: { kind: 'service_days_before', days: 1, at: '12:00' }, cancellation: null }, calendar, ['2026-12-10']);
    // The care does not run on Wednesday: the day before it runs is Tuesday 8.
    expect(thursday.booking).toEqual({ at: '2026-12-08T11:00:00.000Z', text: 'Réservable jusqu’au mardi 8 décembre à 12:00' });
  });

  it('says why a day is closed instead of a deadline', () => {
    const [wednesday, christmas] = previewDeadlines(care, { booking: { kind: 'day_before', at: '18:00' }, cancellation: null }, calendar, [
      '2026-12-09',
      '2026-12-22',
    ]);
    expect(wednesday).toMatchObject({ closedLabel: 'La prestation n’a pas lieu ce jour-là', booking: null });
    expect(christmas.closedLabel).toBe('Vacances de Noël');
  });
});
