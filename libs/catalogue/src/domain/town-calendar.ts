import { weekdayOf, type LocalDate } from '#ardoise/kernel';

/** The three French school-holiday zones (A: Lyon, Bordeaux…; B: Lille, Nantes…; C: Paris, Toulouse…). */
export const HOLIDAY_ZONES = ['A', 'B', 'C'] as const;
export type HolidayZone = (typeof HOLIDAY_ZONES)[number];

/** A holiday period; `zones` empty means every zone (Toussaint, Noël, été). Both ends included. */
export interface HolidayPeriod {
  label: string;
  zones: HolidayZone[];
  start: LocalDate;
  end: LocalDate;
}

export interface PublicHoliday {
  date: LocalDate;
  label: string;
}

/** One school year of the town: its bounds, the holidays of every zone, the public holidays. */
export interface SchoolYear {
  /** e.g. "2026-2027". */
  label: string;
  zone: HolidayZone;
  /** What the calendar covers (usually 1 September – 31 August). */
  start: LocalDate;
  end: LocalDate;
  /** First and last day of classes. */
  classesStart: LocalDate;
  classesEnd: LocalDate;
  holidays: HolidayPeriod[];
  publicHolidays: PublicHoliday[];
  /**
   * ISO weekdays with classes (1 = lundi). Absent in years defined before it existed: the
   * four-day week most towns keep, without Wednesday.
   */
  schoolWeekdays?: number[];
}

/** The four-day school week: no classes on Wednesday. */
export const FOUR_DAY_WEEK = [1, 2, 4, 5];

/** A day (or a day of some prestations) closed by the town: strike, works, staff training. */
export interface Closure {
  date: LocalDate;
  /** null: every prestation. */
  serviceCodes: string[] | null;
  reason: string;
}

export interface TownCalendar {
  years: SchoolYear[];
  closures: Closure[];
}

/** When a prestation runs: on school days (canteen, care, Wednesdays) or during the holidays. */
export type ServiceSeason = 'school' | 'holidays';

export type DayClosedReason = 'OUTSIDE_CALENDAR' | 'NOT_A_SERVICE_DAY' | 'PUBLIC_HOLIDAY' | 'SCHOOL_HOLIDAYS' | 'NOT_HOLIDAYS' | 'CLOSURE';

/** A closed day: why (a code), the town's own name for it when it has one, and the words for parents. */
export type DayStatus = { open: true } | { open: false; reason: DayClosedReason; name?: string; label: string };

/** The words (French, for parents) for a closed day, from its reason and the town's name for it. */
export function closedDayLabel(reason: DayClosedReason, name?: string): string {
  switch (reason) {
    case 'OUTSIDE_CALENDAR':
      return 'Hors du calendrier de la commune';
    case 'NOT_A_SERVICE_DAY':
      return 'La prestation n’a pas lieu ce jour-là';
    case 'PUBLIC_HOLIDAY':
      return name ? `Jour férié (${name})` : 'Jour férié';
    case 'SCHOOL_HOLIDAYS':
      return name ?? 'Vacances scolaires';
    case 'NOT_HOLIDAYS':
      return 'Prestation ouverte pendant les vacances seulement';
    case 'CLOSURE':
      return name ? `Fermeture : ${name}` : 'Fermeture';
  }
}

const closedDay = (reason: DayClosedReason, name?: string): DayStatus => ({
  open: false,
  reason,
  ...(name === undefined ? {} : { name }),
  label: closedDayLabel(reason, name),
});

export const EMPTY_CALENDAR: TownCalendar = { years: [], closures: [] };

export function schoolYearOf(calendar: TownCalendar, date: LocalDate): SchoolYear | undefined {
  return calendar.years.find((year) => year.start <= date && date <= year.end);
}

export function publicHolidayOn(calendar: TownCalendar, date: LocalDate): PublicHoliday | undefined {
  return schoolYearOf(calendar, date)?.publicHolidays.find((holiday) => holiday.date === date);
}

/** The school holidays of the town's zone on that day, if any. */
export function holidaysOn(calendar: TownCalendar, date: LocalDate): HolidayPeriod | undefined {
  const year = schoolYearOf(calendar, date);
  if (!year) return undefined;
  if (date < year.classesStart || date > year.classesEnd) {
    return { label: 'Vacances d’été', zones: [], start: year.classesEnd, end: year.end };
  }
  return year.holidays.find((period) => (period.zones.length === 0 || period.zones.includes(year.zone)) && period.start <= date && date <= period.end);
}

/**
 * A working day ("jour ouvré"): Monday to Friday, not a public holiday. What "J-2
 * counting working days only" counts; school holidays are working days for the town hall.
 */
export function isWorkingDay(calendar: TownCalendar, date: LocalDate): boolean {
  return weekdayOf(date) <= 5 && !publicHolidayOn(calendar, date);
}

/**
 * A day the school is open: within the classes of a school year, on one of its school
 * weekdays, not a public holiday nor in the zone's school holidays. What « le jour d'école
 * précédent » counts (a Wednesday without classes is not one).
 */
export function isSchoolDay(calendar: TownCalendar, date: LocalDate): boolean {
  const year = schoolYearOf(calendar, date);
  if (!year || date < year.classesStart || date > year.classesEnd) return false;
  if (!(year.schoolWeekdays ?? FOUR_DAY_WEEK).includes(weekdayOf(date))) return false;
  return !publicHolidayOn(calendar, date) && !holidaysOn(calendar, date);
}

/** Whether a prestation runs on a day, and if not, why (in French for the parent). */
export function dayStatus(calendar: TownCalendar, service: { code: string; weekdays: readonly number[]; season: ServiceSeason }, date: LocalDate): DayStatus {
  if (!schoolYearOf(calendar, date)) {
    return closedDay('OUTSIDE_CALENDAR');
  }
  if (!service.weekdays.includes(weekdayOf(date))) {
    return closedDay('NOT_A_SERVICE_DAY');
  }
  const publicHoliday = publicHolidayOn(calendar, date);
  if (publicHoliday) return closedDay('PUBLIC_HOLIDAY', publicHoliday.label);
  const holidays = holidaysOn(calendar, date);
  if (service.season === 'school' && holidays) {
    return closedDay('SCHOOL_HOLIDAYS', holidays.label);
  }
  if (service.season === 'holidays' && !holidays) {
    return closedDay('NOT_HOLIDAYS');
  }
  const closure = calendar.closures.find((c) => c.date === date && (c.serviceCodes === null || c.serviceCodes.includes(service.code)));
  if (closure) return closedDay('CLOSURE', closure.reason);
  return { open: true };
}
