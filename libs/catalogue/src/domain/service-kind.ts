/** The kinds of prestation a town runs (docs/architecture.md §4). */
export const SERVICE_KINDS = [
  'canteen', // restauration scolaire
  'morning_care', // accueil périscolaire du matin
  'evening_care', // accueil périscolaire du soir
  'leisure_day', // centre de loisirs, journée
  'leisure_half_day', // centre de loisirs, demi-journée
] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/** ISO weekday numbers: 1 = lundi … 7 = dimanche. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
