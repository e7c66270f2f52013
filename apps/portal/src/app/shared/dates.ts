/** Dates as the town lives them: local days (AAAA-MM-JJ) and instants shown in Europe/Paris, in French. */
const TZ = 'Europe/Paris';
const dayFormat = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
const shortDayFormat = new Intl.DateTimeFormat('fr-FR', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
const dateFormat = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthFormat = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const instantFormat = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone: TZ });
const numericFormat = new Intl.DateTimeFormat('fr-FR', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });

const utc = (day: string) => new Date(`${day}T00:00:00Z`);

/** "lundi 7 décembre" */
export const longDay = (day: string) => dayFormat.format(utc(day));
/** "lun. 7 déc." */
export const shortDay = (day: string) => shortDayFormat.format(utc(day));
/** "7 décembre 2026" */
export const fullDate = (day: string) => dateFormat.format(utc(day));
/** "07/12/2026" */
export const numericDate = (day: string) => numericFormat.format(utc(day.slice(0, 10)));
/** "décembre 2026" */
export const monthName = (day: string) => monthFormat.format(utc(day));
/** "jeudi 3 décembre à 10:00" (Paris time) */
export const instant = (iso: string) => instantFormat.format(new Date(iso));

/** ISO weekday, 1 = lundi … 7 = dimanche. */
export const weekdayOf = (day: string) => ((utc(day).getUTCDay() + 6) % 7) + 1;

export function addDays(day: string, days: number): string {
  const date = utc(day);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Today in Paris, as AAAA-MM-JJ. */
export function today(): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  return parts;
}
