const EUROS = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
const DAY = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const SHORT_DAY = new Intl.DateTimeFormat('fr-FR', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
const WEEKDAY_DAY = new Intl.DateTimeFormat('fr-FR', { weekday: 'short', day: '2-digit', month: '2-digit', timeZone: 'UTC' });
const INSTANT = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' });

export const euros = (cents: number) => EUROS.format(cents / 100);
/** « jeudi 3 décembre 2026 » for AAAA-MM-JJ. */
export const longDay = (date: string) => DAY.format(new Date(`${date}T00:00:00Z`));
/** « jeu. 03/12 » for AAAA-MM-JJ (column headings). */
export const weekdayDay = (date: string) => WEEKDAY_DAY.format(new Date(`${date}T00:00:00Z`));
/** « 03/12/2026 » for AAAA-MM-JJ. */
export const shortDay = (date: string | null) => (date ? SHORT_DAY.format(new Date(`${date.slice(0, 10)}T00:00:00Z`)) : '');
/** « 03/12/2026 14:05 » (Paris) for an ISO instant. */
export const instant = (iso: string | null) => (iso ? INSTANT.format(new Date(iso)) : '');
/** Today in Paris, AAAA-MM-JJ. */
export const todayInParis = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
