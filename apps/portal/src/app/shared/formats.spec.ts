import { clockTime, euros, fullDate, instant, longDay, longDayWithYear, monthName, numericDate, shortDay, shortInstant, today, weekdayDay } from './formats';

/** What the portal showed with `fr-FR`'s Intl formatters, which formats.ts writes by hand. */
const intl = (options: Intl.DateTimeFormatOptions, locale = 'fr-FR') => new Intl.DateTimeFormat(locale, options);
const onDays = {
  longDay: intl({ weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }),
  longDayWithYear: intl({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  shortDay: intl({ weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }),
  weekdayDay: intl({ weekday: 'short', day: '2-digit', month: '2-digit', timeZone: 'UTC' }),
  fullDate: intl({ day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  numericDate: intl({ day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }),
  monthName: intl({ month: 'long', year: 'numeric', timeZone: 'UTC' }),
};
const inParis = {
  instant: intl({ weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' }),
  shortInstant: intl({ dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' }),
  clockTime: intl({ hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: 'Europe/Paris' }),
  isoDay: intl({ timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }, 'en-CA'),
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const FIRST = Date.UTC(2000, 0, 1);
const LAST = Date.UTC(2040, 11, 31);

/** Every instant of `times`, first difference with Intl reported (one failure, not thousands). */
function expectSameAsIntl(times: number[]) {
  for (const time of times) {
    const iso = new Date(time).toISOString();
    const ours = { instant: instant(iso), shortInstant: shortInstant(iso), clockTime: clockTime(iso) };
    const theirs = { instant: inParis.instant.format(time), shortInstant: inParis.shortInstant.format(time), clockTime: inParis.clockTime.format(time) };
    if (JSON.stringify(ours) !== JSON.stringify(theirs)) expect({ iso, ...ours }).toEqual({ iso, ...theirs });
  }
}

describe('French dates written without Intl read as Intl wrote them', () => {
  it('every day from 2000 to 2040 is written as fr-FR writes it, in each of the portal’s day formats', () => {
    let checked = 0;
    for (let time = FIRST; time <= LAST; time += DAY) {
      const day = new Date(time).toISOString().slice(0, 10);
      const ours = {
        day,
        longDay: longDay(day),
        longDayWithYear: longDayWithYear(day),
        shortDay: shortDay(day),
        weekdayDay: weekdayDay(day),
        fullDate: fullDate(day),
        numericDate: numericDate(day),
        monthName: monthName(day),
      };
      const theirs = { day, ...Object.fromEntries(Object.entries(onDays).map(([name, format]) => [name, format.format(time)])) };
      if (JSON.stringify(ours) !== JSON.stringify(theirs)) expect(ours).toEqual(theirs);
      checked++;
    }
    expect(checked).toBe(14_976);
  });

  it('a month alone (AAAA-MM) and an instant’s day are read as their day', () => {
    expect(monthName('2026-12')).toBe('décembre 2026');
    expect(numericDate('2026-12-03T23:30:00.000Z')).toBe('03/12/2026');
    expect(numericDate(null)).toBe('');
    expect(shortInstant(undefined)).toBe('');
  });

  it('instants are in Paris time, on both sides of every change of time from 2000 to 2040, minute by minute', () => {
    const times: number[] = [];
    for (let year = 2000; year <= 2040; year++) {
      for (const month of [2, 9]) {
        const lastDay = new Date(Date.UTC(year, month + 1, 0, 1));
        const change = lastDay.getTime() - lastDay.getUTCDay() * DAY;
        for (let time = change - 3 * HOUR; time <= change + 3 * HOUR; time += 60_000) times.push(time, time - 1000, time + 59_000);
        // The changes are the last Sundays at 01:00 UTC: Intl agrees that the hour jumps there.
        expect(inParis.clockTime.format(change - 1000)).toBe(month === 2 ? '01:59:59' : '02:59:59');
        expect(inParis.clockTime.format(change)).toBe(month === 2 ? '03:00:00' : '02:00:00');
      }
    }
    expectSameAsIntl(times);
  });

  it('instants of every day from 2000 to 2040, around Paris’ midnight and noon, are in Paris time', () => {
    const times: number[] = [];
    for (let time = FIRST; time <= LAST; time += DAY) {
      for (const hour of [-2, -1, 0, 1, 11, 21, 22, 23]) times.push(time + hour * HOUR, time + hour * HOUR + 59 * 60_000 + 59_000);
    }
    expectSameAsIntl(times);
  });

  it('today is the day in Paris', () => {
    const before = inParis.isoDay.format(Date.now());
    const ours = today();
    const after = inParis.isoDay.format(Date.now());
    expect([before, after]).toContain(ours);
  });

  it('amounts are in euros, with French separators', () => {
    expect(euros(123450)).toBe(new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(1234.5));
    expect(euros(1250)).toBe('12,50\u00a0€');
  });
});
