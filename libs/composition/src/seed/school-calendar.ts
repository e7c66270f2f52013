import { DEMO_SCHOOL_YEAR } from '#ardoise/catalogue';

/** The months the seed plays, September to June. */
export const SCHOOL_MONTHS = ['2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06'];

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
export const weekdayOf = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay();
export const previousMonth = (month: string) => isoDay(new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 2, 1))).slice(0, 7);
export const nextMonth = (month: string) => isoDay(new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1))).slice(0, 7);
export const lastDayOf = (month: string) => isoDay(new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)));

export function daysOf(month: string): string[] {
  const days: string[] = [];
  for (let d = new Date(`${month}-01T12:00:00Z`); isoDay(d).startsWith(month); d = new Date(d.getTime() + 86_400_000)) days.push(isoDay(d));
  return days;
}

const inHolidays = (date: string) =>
  DEMO_SCHOOL_YEAR.holidays.some((h) => (h.zones.length === 0 || h.zones.includes(DEMO_SCHOOL_YEAR.zone)) && date >= h.start && date <= h.end);
const publicHoliday = (date: string) => DEMO_SCHOOL_YEAR.publicHolidays.some((h) => h.date === date);

/** Monday to Friday of the month outside holidays (the commands skip what the calendar closes anyway). */
export function schoolDaysOf(month: string): string[] {
  return daysOf(month).filter((d) => ![0, 6].includes(weekdayOf(d)) && !inHolidays(d) && !publicHoliday(d));
}

export function holidayDaysOf(month: string): string[] {
  return daysOf(month).filter((d) => ![0, 6].includes(weekdayOf(d)) && inHolidays(d) && !publicHoliday(d));
}
