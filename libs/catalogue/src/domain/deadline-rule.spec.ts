import { CALENDAR_2025_2026 } from './calendar.fixture.js';
import { deadlineFor, deadlineRuleProblems, describeDeadlineRule, isBeforeDeadline, type DeadlineRule } from './deadline-rule.js';

const deadline = (rule: DeadlineRule, date: string) => deadlineFor(rule, date, CALENDAR_2025_2026).toISOString();
const J2_10H: DeadlineRule = { kind: 'working_days_before', days: 2, at: '10:00' };

describe('"J-2 at 10:00, working days only" (the canteen)', () => {
  it('a Wednesday meal is booked until Monday 10:00 Paris time (09:00 UTC in winter)', () => {
    expect(deadline(J2_10H, '2026-03-04')).toBe('2026-03-02T09:00:00.000Z');
  });

  it('skips the weekend: a Monday meal closes on the Thursday before', () => {
    expect(deadline(J2_10H, '2026-03-09')).toBe('2026-03-05T09:00:00.000Z');
  });

  it('skips a public holiday: with Easter Monday off, a Tuesday meal closes on the Thursday before', () => {
    expect(deadline(J2_10H, '2026-04-07')).toBe('2026-04-02T08:00:00.000Z');
  });

  it('follows the spring change of time: 10:00 is 09:00 UTC on Friday 27 March, 08:00 UTC on Monday 30 March', () => {
    expect(deadline(J2_10H, '2026-03-31')).toBe('2026-03-27T09:00:00.000Z');
    expect(deadline(J2_10H, '2026-04-01')).toBe('2026-03-30T08:00:00.000Z');
  });

  it('a parent cannot book the canteen at 10:00 sharp, only before', () => {
    expect(isBeforeDeadline(J2_10H, '2026-03-04', CALENDAR_2025_2026, new Date('2026-03-02T08:59:59Z'))).toBe(true);
    expect(isBeforeDeadline(J2_10H, '2026-03-04', CALENDAR_2025_2026, new Date('2026-03-02T09:00:00Z'))).toBe(false);
  });
});

describe('"the day before at 18:00" (morning and evening care)', () => {
  const rule: DeadlineRule = { kind: 'day_before', at: '18:00' };

  it('is 17:00 UTC in winter and 16:00 UTC once summer time has started', () => {
    expect(deadline(rule, '2026-03-29')).toBe('2026-03-28T17:00:00.000Z');
    expect(deadline(rule, '2026-03-30')).toBe('2026-03-29T16:00:00.000Z');
  });

  it('counts calendar days, weekend included: a Monday closes on Sunday 18:00', () => {
    expect(deadline(rule, '2026-03-09')).toBe('2026-03-08T17:00:00.000Z');
  });

  it('follows the autumn change back to winter time', () => {
    expect(deadline(rule, '2026-10-25')).toBe('2026-10-24T16:00:00.000Z');
    expect(deadline(rule, '2026-10-26')).toBe('2026-10-25T17:00:00.000Z');
  });

  it('moves a time that the spring change skips (02:30) forward to 03:30 summer time', () => {
    expect(deadline({ kind: 'day_before', at: '02:30' }, '2026-03-30')).toBe('2026-03-29T01:30:00.000Z');
  });
});

describe('"Thursday 23:59 of the previous week" (Wednesday leisure centre)', () => {
  const rule: DeadlineRule = { kind: 'weekday_of_previous_week', weekday: 4, at: '23:59' };

  it('is the same Thursday for every day of the week booked', () => {
    expect(deadline(rule, '2026-03-09')).toBe('2026-03-05T22:59:00.000Z');
    expect(deadline(rule, '2026-03-13')).toBe('2026-03-05T22:59:00.000Z');
    expect(deadline(rule, '2026-03-15')).toBe('2026-03-05T22:59:00.000Z');
  });

  it('a parent cannot book next week after Thursday 23:59', () => {
    expect(isBeforeDeadline(rule, '2026-03-11', CALENDAR_2025_2026, new Date('2026-03-05T22:58:59Z'))).toBe(true);
    expect(isBeforeDeadline(rule, '2026-03-11', CALENDAR_2025_2026, new Date('2026-03-05T23:10:00Z'))).toBe(false);
  });
});

describe('"Tuesday of week S-2"', () => {
  const rule: DeadlineRule = { kind: 'weekday_of_week_before', weekday: 2, weeksBefore: 2, at: '12:00' };

  it('is the Tuesday two weeks before the week of the day booked', () => {
    expect(deadline(rule, '2026-03-18')).toBe('2026-03-03T11:00:00.000Z');
    expect(deadline(rule, '2026-03-22')).toBe('2026-03-03T11:00:00.000Z');
  });

  it('across the spring change: the week of 6 April closes on Tuesday 24 March, still winter time', () => {
    expect(deadline(rule, '2026-04-08')).toBe('2026-03-24T11:00:00.000Z');
  });
});

describe('"the 20th of the previous month" (holidays leisure centre)', () => {
  const rule: DeadlineRule = { kind: 'day_of_previous_month', dayOfMonth: 20, at: '23:59' };

  it('books April until 20 March 23:59 Paris time', () => {
    expect(deadline(rule, '2026-04-15')).toBe('2026-03-20T22:59:00.000Z');
  });

  it('in summer time, the 20th of June is 21:59 UTC', () => {
    expect(deadline(rule, '2026-07-10')).toBe('2026-06-20T21:59:00.000Z');
  });

  it('"the 31st" of a 28-day February is its last day', () => {
    expect(deadline({ kind: 'day_of_previous_month', dayOfMonth: 31, at: '12:00' }, '2026-03-10')).toBe('2026-02-28T11:00:00.000Z');
  });
});

describe('"read-only from a date"', () => {
  const rule: DeadlineRule = { kind: 'read_only_from', date: '2026-06-15' };

  it('closes every day at midnight Paris time on that date, whatever the day booked', () => {
    expect(deadline(rule, '2026-07-01')).toBe('2026-06-14T22:00:00.000Z');
    expect(deadline(rule, '2026-06-01')).toBe('2026-06-14T22:00:00.000Z');
  });
});

describe('rules received from an agent', () => {
  it('accepts every well-formed form', () => {
    const rules: DeadlineRule[] = [
      J2_10H,
      { kind: 'day_before', at: '18:00' },
      { kind: 'weekday_of_previous_week', weekday: 4, at: '23:59' },
      { kind: 'weekday_of_week_before', weekday: 2, weeksBefore: 2, at: '23:59' },
      { kind: 'day_of_previous_month', dayOfMonth: 20, at: '23:59' },
      { kind: 'read_only_from', date: '2026-06-15' },
    ];
    for (const rule of rules) {
      expect(deadlineRuleProblems(rule)).toEqual([]);
      expect(describeDeadlineRule(rule)).toMatch(/\S/);
    }
  });

  it('names what is wrong in French', () => {
    expect(deadlineRuleProblems({ kind: 'day_before', at: '25:00' })).toEqual(['« at » doit être une heure HH:MM.']);
    expect(deadlineRuleProblems({ kind: 'weekday_of_previous_week', weekday: 9, at: '10:00' })).toHaveLength(1);
    expect(deadlineRuleProblems({ kind: 'read_only_from', date: '2026-02-30' })).toHaveLength(1);
    expect(deadlineRuleProblems({ kind: 'whenever' })).toEqual(['Forme de règle inconnue.']);
  });
});
