/** GET /api/v1/catalogue/services — a prestation as the portal shows it. */
export interface ServiceView {
  code: string;
  label: string;
  kind: 'canteen' | 'morning_care' | 'evening_care' | 'leisure_day' | 'leisure_half_day';
  /** ISO weekdays, 1 = lundi … 7 = dimanche. */
  weekdays: number[];
  /** Places per day, null when unlimited. */
  dailyCapacity: number | null;
  /** When it runs: in school weeks, or in the holidays (the holiday centre). */
  season: 'school' | 'holidays';
}
