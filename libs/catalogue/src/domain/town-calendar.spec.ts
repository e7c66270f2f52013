import { CALENDAR_2025_2026 } from './calendar.fixture.js';
import { dayStatus, isWorkingDay, type TownCalendar } from './town-calendar.js';

const canteen = { code: 'CANTINE', weekdays: [1, 2, 4, 5], season: 'school' as const };
const holidayCentre = { code: 'VACANCES', weekdays: [1, 2, 3, 4, 5], season: 'holidays' as const };

describe('the town calendar', () => {
  it('the canteen runs on a school Monday', () => {
    expect(dayStatus(CALENDAR_2025_2026, canteen, '2026-03-09')).toEqual({ open: true });
  });

  it('the canteen does not run on Wednesdays, weekends, public holidays, nor during the zone C holidays', () => {
    expect(dayStatus(CALENDAR_2025_2026, canteen, '2026-03-11')).toMatchObject({ open: false, reason: 'NOT_A_SERVICE_DAY' });
    expect(dayStatus(CALENDAR_2025_2026, canteen, '2026-03-14')).toMatchObject({ open: false, reason: 'NOT_A_SERVICE_DAY' });
    expect(dayStatus(CALENDAR_2025_2026, canteen, '2026-05-08')).toMatchObject({ open: false, reason: 'PUBLIC_HOLIDAY' });
    expect(dayStatus(CALENDAR_2025_2026, canteen, '2026-02-23')).toMatchObject({ open: false, reason: 'SCHOOL_HOLIDAYS' });
  });

  it('zone A holidays are school days for a zone C town', () => {
    expect(dayStatus(CALENDAR_2025_2026, canteen, '2026-02-09')).toEqual({ open: true });
    expect(dayStatus(CALENDAR_2025_2026, holidayCentre, '2026-02-09')).toMatchObject({ open: false, reason: 'NOT_HOLIDAYS' });
  });

  it('the holiday leisure centre runs during the holidays and the summer, not on 14 July', () => {
    expect(dayStatus(CALENDAR_2025_2026, holidayCentre, '2026-02-23')).toEqual({ open: true });
    expect(dayStatus(CALENDAR_2025_2026, holidayCentre, '2026-07-15')).toEqual({ open: true });
    expect(dayStatus(CALENDAR_2025_2026, holidayCentre, '2026-07-14')).toMatchObject({ open: false, reason: 'PUBLIC_HOLIDAY' });
  });

  it('a day outside every school year the town defined is outside the calendar', () => {
    expect(dayStatus(CALENDAR_2025_2026, canteen, '2026-09-07')).toMatchObject({ open: false, reason: 'OUTSIDE_CALENDAR' });
  });

  it('a closure (strike) closes one prestation or all of them, with its reason', () => {
    const calendar: TownCalendar = {
      ...CALENDAR_2025_2026,
      closures: [
        { date: '2026-03-10', serviceCodes: ['CANTINE'], reason: 'grève' },
        { date: '2026-03-12', serviceCodes: null, reason: 'travaux' },
      ],
    };
    expect(dayStatus(calendar, canteen, '2026-03-10')).toEqual({ open: false, reason: 'CLOSURE', name: 'grève', label: 'Fermeture : grève' });
    expect(dayStatus(calendar, { ...canteen, code: 'SOIR' }, '2026-03-10')).toEqual({ open: true });
    expect(dayStatus(calendar, { ...canteen, code: 'SOIR' }, '2026-03-12')).toMatchObject({ reason: 'CLOSURE' });
  });

  it('working days are Monday to Friday except public holidays, school holidays included', () => {
    expect(isWorkingDay(CALENDAR_2025_2026, '2026-02-23')).toBe(true);
    expect(isWorkingDay(CALENDAR_2025_2026, '2026-04-06')).toBe(false);
    expect(isWorkingDay(CALENDAR_2025_2026, '2026-03-07')).toBe(false);
  });
});
