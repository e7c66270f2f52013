import { ConflictError, ValidationError } from '#ardoise/kernel';
import type { Decider } from '#ardoise/commands';
import { CLOSURE_DECLARED, SCHOOL_YEAR_DEFINED, type CalendarEvent } from './catalogue-events.js';
import { sameFacts } from './same-facts.js';
import { EMPTY_CALENDAR, type Closure, type SchoolYear, type TownCalendar } from './town-calendar.js';

export type CalendarCommand =
  /** `unlessDecided` (the demo seed): do nothing when the town already has this year or one over its dates. */
  { type: 'DefineSchoolYear'; year: SchoolYear; unlessDecided?: boolean } | { type: 'DeclareClosure'; closure: Closure };

/** The town's calendar: one small stream (`calendar-town`), a handful of events a year. */
export const calendarDecider: Decider<TownCalendar, CalendarCommand, CalendarEvent> = {
  initialState: () => EMPTY_CALENDAR,

  evolve(state, event) {
    switch (event.type) {
      case SCHOOL_YEAR_DEFINED:
        return {
          ...state,
          years: [...state.years.filter((y) => y.label !== event.data.label), event.data].sort((a, b) => a.start.localeCompare(b.start)),
        };
      case CLOSURE_DECLARED:
        return { ...state, closures: [...state.closures, event.data] };
      default:
        return state;
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'DefineSchoolYear': {
        const year = command.year;
        const problems = schoolYearProblems(year);
        if (problems.length > 0) throw new ValidationError(problems);
        const existing = state.years.find((y) => y.label === year.label);
        if (existing && sameFacts(existing, year)) return [];
        const overlapping = state.years.find((y) => y.label !== year.label && y.start <= year.end && year.start <= y.end);
        if (command.unlessDecided && (existing || overlapping)) return [];
        if (overlapping) {
          throw new ConflictError('CALENDAR.YEAR_OVERLAPS', `Cette année scolaire chevauche l’année ${overlapping.label}.`);
        }
        return [{ type: SCHOOL_YEAR_DEFINED, data: year }];
      }
      case 'DeclareClosure': {
        const closure = command.closure;
        if (!state.years.some((y) => y.start <= closure.date && closure.date <= y.end)) {
          throw new ValidationError([{ field: 'date', messages: ['Cette date est hors du calendrier de la commune.'] }]);
        }
        const same = state.closures.find((c) => c.date === closure.date && JSON.stringify(c.serviceCodes) === JSON.stringify(closure.serviceCodes));
        if (same) return [];
        return [{ type: CLOSURE_DECLARED, data: closure }];
      }
    }
  },
};

function schoolYearProblems(year: SchoolYear): { field: string; messages: string[] }[] {
  const problems: { field: string; messages: string[] }[] = [];
  const add = (field: string, message: string) => problems.push({ field, messages: [message] });
  if (year.start > year.end) add('end', 'La fin de l’année doit suivre son début.');
  if (year.classesStart < year.start || year.classesEnd > year.end || year.classesStart > year.classesEnd) {
    add('classesStart', 'Les dates de classe doivent être comprises dans l’année.');
  }
  year.holidays.forEach((h, i) => {
    if (h.start > h.end) add(`holidays.${i}.end`, 'La fin des vacances doit suivre leur début.');
  });
  year.publicHolidays.forEach((h, i) => {
    if (h.date < year.start || h.date > year.end) add(`publicHolidays.${i}.date`, 'Ce jour férié est hors de l’année.');
  });
  return problems;
}
