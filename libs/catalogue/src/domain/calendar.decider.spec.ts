import { ConflictError, ValidationError } from '#ardoise/kernel';
import { calendarDecider } from './calendar.decider.js';
import { YEAR_2025_2026 } from './calendar.fixture.js';

const withYear = () =>
  calendarDecider
    .decide({ type: 'DefineSchoolYear', year: YEAR_2025_2026 }, calendarDecider.initialState())
    .reduce(calendarDecider.evolve, calendarDecider.initialState());

describe('the town calendar stream', () => {
  it('defines a school year once; the same year again records nothing', () => {
    const state = withYear();
    expect(state.years.map((y) => y.label)).toEqual(['2025-2026']);
    expect(calendarDecider.decide({ type: 'DefineSchoolYear', year: YEAR_2025_2026 }, state)).toEqual([]);
  });

  it('knows the same year read back from the log with its keys in another order', () => {
    const reordered = Object.fromEntries(Object.entries(YEAR_2025_2026).reverse()) as typeof YEAR_2025_2026;
    expect(calendarDecider.decide({ type: 'DefineSchoolYear', year: reordered }, withYear())).toEqual([]);
  });

  it('unlessDecided (the demo seed) leaves a year the town has set, even a different one', () => {
    const other = { ...YEAR_2025_2026, classesEnd: '2026-06-30' };
    expect(calendarDecider.decide({ type: 'DefineSchoolYear', year: other, unlessDecided: true }, withYear())).toEqual([]);
    expect(calendarDecider.decide({ type: 'DefineSchoolYear', year: other }, withYear())).toHaveLength(1);
  });

  it('refuses a year that overlaps another one', () => {
    const overlapping = {
      ...YEAR_2025_2026,
      label: '2026-2027',
      start: '2026-08-01',
      end: '2027-08-31',
      classesStart: '2026-09-01',
      classesEnd: '2027-07-03',
      holidays: [],
      publicHolidays: [],
    };
    expect(() => calendarDecider.decide({ type: 'DefineSchoolYear', year: overlapping }, withYear())).toThrow(ConflictError);
  });

  it('refuses a year whose classes end before they start', () => {
    expect(() =>
      calendarDecider.decide({ type: 'DefineSchoolYear', year: { ...YEAR_2025_2026, classesEnd: '2025-08-01' } }, calendarDecider.initialState()),
    ).toThrow(ValidationError);
  });

  it('declares a closure inside the calendar, refuses one outside', () => {
    const events = calendarDecider.decide({ type: 'DeclareClosure', closure: { date: '2026-03-10', serviceCodes: null, reason: 'grève' } }, withYear());
    expect(events).toHaveLength(1);
    expect(() => calendarDecider.decide({ type: 'DeclareClosure', closure: { date: '2030-03-10', serviceCodes: null, reason: 'grève' } }, withYear())).toThrow(
      ValidationError,
    );
  });
});
