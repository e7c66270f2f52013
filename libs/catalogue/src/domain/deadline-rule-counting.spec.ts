import { DateTime } from 'luxon';
import { CALENDAR_2025_2026, YEAR_2025_2026 } from './calendar.fixture.js';
import { deadlineFor, deadlineRuleProblems, describeDeadlineRule, type DeadlineRule, type DeadlineService } from './deadline-rule.js';
import type { TownCalendar } from './town-calendar.js';

const paris = (date: Date) => DateTime.fromJSDate(date, { zone: 'Europe/Paris' }).toFormat('cccc yyyy-MM-dd HH:mm', { locale: 'fr' });
const WEDNESDAYS: DeadlineService = { code: 'MERCREDI', weekdays: [3], season: 'school', startTime: '08:30' };
const CARE: DeadlineService = { code: 'MATIN', weekdays: [1, 2, 4, 5], season: 'school', startTime: '07:30' };

describe('« le jour d’école précédent à 10 h » (counting the days the school is open)', () => {
  const rule: DeadlineRule = { kind: 'school_days_before', days: 1, at: '10:00' };
  const deadline = (date: string, calendar: TownCalendar = CALENDAR_2025_2026) => paris(deadlineFor(rule, date, calendar, CARE));

  it('a Thursday closes on Tuesday 10:00: Wednesday has no school', () => {
    expect(deadline('2026-03-12')).toBe('mardi 2026-03-10 10:00');
  });

  it('a Tuesday closes on the Monday before, a Monday on the Friday before', () => {
    expect(deadline('2026-03-10')).toBe('lundi 2026-03-09 10:00');
    expect(deadline('2026-03-16')).toBe('vendredi 2026-03-13 10:00');
  });

  it('the first Monday after the winter holidays closes on the last Friday before them', () => {
    expect(deadline('2026-03-09')).toBe('vendredi 2026-02-20 10:00');
  });

  it('skips a public holiday (Easter Monday): a Tuesday closes on the Friday before', () => {
    expect(deadline('2026-04-07')).toBe('vendredi 2026-04-03 10:00');
  });

  it('counts Wednesday in a town with classes on Wednesday morning', () => {
    const fiveDays: TownCalendar = { years: [{ ...YEAR_2025_2026, schoolWeekdays: [1, 2, 3, 4, 5] }], closures: [] };
    expect(deadline('2026-03-12', fiveDays)).toBe('mercredi 2026-03-11 10:00');
  });

  it('keeps 10:00 on the wall clock across the spring change of time (09:00 UTC before, 08:00 UTC after)', () => {
    expect(deadlineFor(rule, '2026-03-30', CALENDAR_2025_2026, CARE).toISOString()).toBe('2026-03-27T09:00:00.000Z');
    expect(deadlineFor(rule, '2026-03-31', CALENDAR_2025_2026, CARE).toISOString()).toBe('2026-03-30T08:00:00.000Z');
  });

  it('two school days before skips the Wednesday too', () => {
    expect(paris(deadlineFor({ kind: 'school_days_before', days: 2, at: '10:00' }, '2026-03-12', CALENDAR_2025_2026, CARE))).toBe('lundi 2026-03-09 10:00');
  });
});

describe('« le jour de fonctionnement précédent à 12 h » (counting the days the prestation runs)', () => {
  const rule: DeadlineRule = { kind: 'service_days_before', days: 1, at: '12:00' };

  it('the Wednesday leisure centre closes on the Wednesday before at noon', () => {
    expect(paris(deadlineFor(rule, '2026-03-18', CALENDAR_2025_2026, WEDNESDAYS))).toBe('mercredi 2026-03-11 12:00');
  });

  it('skips the Wednesdays of the school holidays, when it does not run', () => {
    expect(paris(deadlineFor(rule, '2026-03-11', CALENDAR_2025_2026, WEDNESDAYS))).toBe('mercredi 2026-02-18 12:00');
  });

  it('skips a closure of that prestation', () => {
    const calendar: TownCalendar = { years: [YEAR_2025_2026], closures: [{ date: '2026-03-11', serviceCodes: ['MERCREDI'], reason: 'Grève' }] };
    expect(paris(deadlineFor(rule, '2026-03-18', calendar, WEDNESDAYS))).toBe('mercredi 2026-02-18 12:00');
  });
});

describe('« 72 heures avant le début de la séance »', () => {
  const rule: DeadlineRule = { kind: 'hours_before_start', hours: 72 };

  it('a Thursday session at 07:30 closes on Monday 07:30', () => {
    expect(paris(deadlineFor(rule, '2026-03-12', CALENDAR_2025_2026, CARE))).toBe('lundi 2026-03-09 07:30');
  });

  it('counts elapsed hours across the spring change of time: the deadline reads one hour earlier on the clock', () => {
    // Monday 30 March 2026 07:30 summer time is 05:30 UTC; 72 h before is Friday 05:30 UTC, 06:30 winter time.
    const deadline = deadlineFor(rule, '2026-03-30', CALENDAR_2025_2026, CARE);
    expect(deadline.toISOString()).toBe('2026-03-27T05:30:00.000Z');
    expect(paris(deadline)).toBe('vendredi 2026-03-27 06:30');
  });

  it('and one hour later on the clock across the autumn change', () => {
    // Monday 26 October 2026 07:30 winter time is 06:30 UTC; 72 h before is Friday 06:30 UTC, 08:30 summer time.
    const deadline = deadlineFor(rule, '2026-10-26', { years: [], closures: [] }, CARE);
    expect(deadline.toISOString()).toBe('2026-10-23T06:30:00.000Z');
    expect(paris(deadline)).toBe('vendredi 2026-10-23 08:30');
  });

  it('cannot be computed for a prestation without a start time', () => {
    expect(() => deadlineFor(rule, '2026-03-12', CALENDAR_2025_2026, { ...CARE, startTime: null })).toThrow();
  });
});

describe('the new forms as the town writes them, and their checks', () => {
  it('describes each form in French', () => {
    expect(describeDeadlineRule({ kind: 'school_days_before', days: 1, at: '10:00' })).toBe('le jour d’école précédent à 10:00');
    expect(describeDeadlineRule({ kind: 'school_days_before', days: 3, at: '10:00' })).toBe('3 jours d’école avant, à 10:00');
    expect(describeDeadlineRule({ kind: 'service_days_before', days: 1, at: '12:00' })).toBe('le jour de fonctionnement précédent à 12:00');
    expect(describeDeadlineRule({ kind: 'hours_before_start', hours: 72 })).toBe('72 heures avant le début de la séance');
  });

  it('refuses a count of zero days, or hours out of range', () => {
    expect(deadlineRuleProblems({ kind: 'school_days_before', days: 0, at: '10:00' })).toEqual(['« days » doit être un entier entre 1 et 30.']);
    expect(deadlineRuleProblems({ kind: 'hours_before_start', hours: 0 })).toEqual(['« hours » doit être un entier entre 1 et 720.']);
    expect(deadlineRuleProblems({ kind: 'hours_before_start', hours: 72 })).toEqual([]);
  });
});
