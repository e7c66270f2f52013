import { DateTime } from 'luxon';

/**
 * A calendar day as the town speaks of it ("le mardi 3 mars"): an ISO `YYYY-MM-DD`
 * string, with no time and no zone. Instants (deadlines, "now") are `Date`s; the two meet
 * only in Europe/Paris, where every rule of the town is read.
 */
export type LocalDate = string;

export const TOWN_ZONE = 'Europe/Paris';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar day written `YYYY-MM-DD` (2026-02-30 is not one). */
export function isLocalDate(value: unknown): value is LocalDate {
  return typeof value === 'string' && ISO_DATE.test(value) && DateTime.fromISO(value, { zone: 'utc' }).isValid;
}

const utc = (date: LocalDate) => DateTime.fromISO(date, { zone: 'utc' });

export function addDays(date: LocalDate, days: number): LocalDate {
  return utc(date).plus({ days }).toISODate()!;
}

/** ISO weekday: 1 = lundi … 7 = dimanche. */
export function weekdayOf(date: LocalDate): number {
  return utc(date).weekday;
}

/** Monday of the ISO week holding `date`. */
export function mondayOf(date: LocalDate): LocalDate {
  return addDays(date, 1 - weekdayOf(date));
}

export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round(utc(to).diff(utc(from), 'days').days);
}

/** Every day from `from` to `to`, both included. */
export function eachDay(from: LocalDate, to: LocalDate): LocalDate[] {
  const days: LocalDate[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/**
 * The instant of a wall-clock time on a day in Paris. A time that does not exist (the
 * spring change skips 02:00–03:00) moves forward by the gap, as clocks do; an ambiguous
 * one (the autumn change repeats 02:00–03:00) takes the first, summer-time, occurrence.
 */
export function parisInstant(date: LocalDate, time: string): Date {
  return DateTime.fromISO(`${date}T${time}`, { zone: TOWN_ZONE }).toJSDate();
}

/** The day it is in Paris at `instant`. */
export function parisDate(instant: Date): LocalDate {
  return DateTime.fromJSDate(instant, { zone: TOWN_ZONE }).toISODate()!;
}

/** "jeudi 10 décembre à 12:00", as the parents' planning writes a deadline. */
export function frenchDeadline(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: TOWN_ZONE }).setLocale('fr').toFormat("cccc d LLLL 'à' HH:mm");
}

/** First day of the month holding `date`, shifted by `months`. */
export function monthStart(date: LocalDate, months = 0): LocalDate {
  return utc(date).startOf('month').plus({ months }).toISODate()!;
}

export function monthEnd(date: LocalDate): LocalDate {
  return utc(date).endOf('month').toISODate()!;
}
