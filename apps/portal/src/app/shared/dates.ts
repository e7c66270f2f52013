/** Day arithmetic on local days (AAAA-MM-JJ). Formatting for people: ./formats.ts. */
const utc = (day: string) => new Date(`${day}T00:00:00Z`);

/** ISO weekday, 1 = lundi … 7 = dimanche. */
export const weekdayOf = (day: string) => ((utc(day).getUTCDay() + 6) % 7) + 1;

export function addDays(day: string, days: number): string {
  const date = utc(day);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
