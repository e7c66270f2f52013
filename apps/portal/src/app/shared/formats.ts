/**
 * The portal's one way of formatting dates, instants and amounts in French.
 *
 * Dates and times are written by hand, not with `Intl.DateTimeFormat`: the first `Intl`
 * formatter of a page loads the locale's data, a long task on a phone (80–400 ms measured in
 * Chromium), paid before the reservations' grid can show. The tables below give the same text
 * as `fr-FR`'s formatters (formats.spec.ts compares them on every day 2000–2040 and around
 * every change of time in Paris). Euros keep `Intl.NumberFormat`, made on first use.
 */
const WEEKDAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];
const SHORT_WEEKDAYS = ['dim.', 'lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.'];
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const SHORT_MONTHS = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let eurosFormat: Intl.NumberFormat | undefined;

/** A calendar day and, for an instant, its wall-clock time. */
interface Parts {
  year: number;
  /** 0 = janvier. */
  month: number;
  day: number;
  /** 0 = dimanche. */
  weekday: number;
  hour: number;
  minute: number;
  second: number;
}

function partsOf(date: Date): Parts {
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth(),
    day: date.getUTCDate(),
    weekday: date.getUTCDay(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
  };
}

/** AAAA-MM-JJ (or the start of an ISO instant) as a calendar day. */
const dayParts = (day: string) => partsOf(new Date(`${day.slice(0, 10)}T00:00:00Z`));

/** The last Sunday of a month (0 = janvier), at 01:00 UTC: when Europe changes its clocks. */
function lastSundayAtOneUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0, 1));
  return lastDay.getTime() - lastDay.getUTCDay() * DAY;
}

/**
 * The wall-clock time in Paris at an instant: UTC+2 from the last Sunday of March 01:00 UTC
 * to the last Sunday of October 01:00 UTC (the European rule since 1996), UTC+1 otherwise.
 */
function parisParts(iso: string | Date): Parts {
  const time = new Date(iso).getTime();
  const year = new Date(time).getUTCFullYear();
  const summer = time >= lastSundayAtOneUtc(year, 2) && time < lastSundayAtOneUtc(year, 9);
  return partsOf(new Date(time + (summer ? 2 : 1) * HOUR));
}

const two = (n: number) => String(n).padStart(2, '0');
const dayMonth = (p: Parts) => `${p.day} ${MONTHS[p.month]}`;
const slashed = (p: Parts) => `${two(p.day)}/${two(p.month + 1)}/${p.year}`;
const hourMinute = (p: Parts) => `${two(p.hour)}:${two(p.minute)}`;

/** « 12,50 € » for 1250 cents. */
export const euros = (cents: number) => (eurosFormat ??= new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' })).format(cents / 100);

/** « lundi 7 décembre » for AAAA-MM-JJ. */
export function longDay(day: string): string {
  const p = dayParts(day);
  return `${WEEKDAYS[p.weekday]} ${dayMonth(p)}`;
}

/** « lundi 7 décembre 2026 » for AAAA-MM-JJ. */
export function longDayWithYear(day: string): string {
  const p = dayParts(day);
  return `${WEEKDAYS[p.weekday]} ${dayMonth(p)} ${p.year}`;
}

/** « lun. 7 déc. » for AAAA-MM-JJ. */
export function shortDay(day: string): string {
  const p = dayParts(day);
  return `${SHORT_WEEKDAYS[p.weekday]} ${p.day} ${SHORT_MONTHS[p.month]}`;
}

/** « lun. 07/12 » for AAAA-MM-JJ (column headings). */
export function weekdayDay(day: string): string {
  const p = dayParts(day);
  return `${SHORT_WEEKDAYS[p.weekday]} ${two(p.day)}/${two(p.month + 1)}`;
}

/** « 7 décembre 2026 » for AAAA-MM-JJ. */
export function fullDate(day: string): string {
  const p = dayParts(day);
  return `${dayMonth(p)} ${p.year}`;
}

/** « 07/12/2026 » for AAAA-MM-JJ (or an ISO instant's day). */
export const numericDate = (day: string | null | undefined) => (day ? slashed(dayParts(day)) : '');

/** « décembre 2026 » for AAAA-MM-JJ or AAAA-MM. */
export function monthName(day: string): string {
  const p = dayParts(day.length === 7 ? `${day}-01` : day);
  return `${MONTHS[p.month]} ${p.year}`;
}

/** « jeudi 3 décembre à 10:00 » (Paris time) for an ISO instant. */
export function instant(iso: string): string {
  const p = parisParts(iso);
  return `${WEEKDAYS[p.weekday]} ${dayMonth(p)} à ${hourMinute(p)}`;
}

/** « 03/12/2026 14:05 » (Paris time) for an ISO instant. */
export const shortInstant = (iso: string | null | undefined) => {
  if (!iso) return '';
  const p = parisParts(iso);
  return `${slashed(p)} ${hourMinute(p)}`;
};

/** « 14:05:09 » (Paris time) for an ISO instant. */
export function clockTime(iso: string): string {
  const p = parisParts(iso);
  return `${hourMinute(p)}:${two(p.second)}`;
}

/** Today in Paris, AAAA-MM-JJ. */
export function today(): string {
  const p = parisParts(new Date());
  return `${p.year}-${two(p.month + 1)}-${two(p.day)}`;
}
