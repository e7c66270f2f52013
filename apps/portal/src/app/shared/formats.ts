/**
 * The portal's one way of formatting dates, instants and amounts in French. Each formatter is
 * made on first use: the first `Intl` formatter loads the locale's data, which must not weigh on
 * the start-up of a page that shows no date.
 */
const TZ = 'Europe/Paris';

function lazily<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}
const dateFormat = (options: Intl.DateTimeFormatOptions, locale = 'fr-FR') => lazily(() => new Intl.DateTimeFormat(locale, options));

const EUROS = lazily(() => new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }));
const LONG_DAY = dateFormat({ weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
const LONG_DAY_WITH_YEAR = dateFormat({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const SHORT_DAY = dateFormat({ weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
const WEEKDAY_DAY = dateFormat({ weekday: 'short', day: '2-digit', month: '2-digit', timeZone: 'UTC' });
const FULL_DATE = dateFormat({ day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const NUMERIC_DATE = dateFormat({ day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
const MONTH = dateFormat({ month: 'long', year: 'numeric', timeZone: 'UTC' });
const INSTANT = dateFormat({ weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone: TZ });
const SHORT_INSTANT = dateFormat({ dateStyle: 'short', timeStyle: 'short', timeZone: TZ });
const CLOCK_TIME = dateFormat({ hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: TZ });
const ISO_DAY = dateFormat({ timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' }, 'en-CA');

const utc = (day: string) => new Date(`${day.slice(0, 10)}T00:00:00Z`);

/** « 12,50 € » for 1250 cents. */
export const euros = (cents: number) => EUROS().format(cents / 100);
/** « lundi 7 décembre » for AAAA-MM-JJ. */
export const longDay = (day: string) => LONG_DAY().format(utc(day));
/** « lundi 7 décembre 2026 » for AAAA-MM-JJ. */
export const longDayWithYear = (day: string) => LONG_DAY_WITH_YEAR().format(utc(day));
/** « lun. 7 déc. » for AAAA-MM-JJ. */
export const shortDay = (day: string) => SHORT_DAY().format(utc(day));
/** « lun. 07/12 » for AAAA-MM-JJ (column headings). */
export const weekdayDay = (day: string) => WEEKDAY_DAY().format(utc(day));
/** « 7 décembre 2026 » for AAAA-MM-JJ. */
export const fullDate = (day: string) => FULL_DATE().format(utc(day));
/** « 07/12/2026 » for AAAA-MM-JJ (or an ISO instant's day). */
export const numericDate = (day: string | null | undefined) => (day ? NUMERIC_DATE().format(utc(day)) : '');
/** « décembre 2026 » for AAAA-MM-JJ or AAAA-MM. */
export const monthName = (day: string) => MONTH().format(utc(day.length === 7 ? `${day}-01` : day));
/** « jeudi 3 décembre à 10:00 » (Paris time) for an ISO instant. */
export const instant = (iso: string) => INSTANT().format(new Date(iso));
/** « 03/12/2026 14:05 » (Paris time) for an ISO instant. */
export const shortInstant = (iso: string | null | undefined) => (iso ? SHORT_INSTANT().format(new Date(iso)) : '');
/** « 14:05:09 » (Paris time) for an ISO instant. */
export const clockTime = (iso: string) => CLOCK_TIME().format(new Date(iso));
/** Today in Paris, AAAA-MM-JJ. */
export const today = () => ISO_DAY().format(new Date());
