import type { ServiceDefined } from '../domain/catalogue-events.js';

/** The demo town's prestations (Mairie de Saint-Ardoise). */
export const DEMO_SERVICES: ServiceDefined['data'][] = [
  { code: 'CANTINE', label: 'Restauration scolaire', kind: 'canteen', weekdays: [1, 2, 4, 5], dailyCapacity: null },
  { code: 'MATIN', label: 'Accueil périscolaire du matin', kind: 'morning_care', weekdays: [1, 2, 4, 5], dailyCapacity: 60 },
  { code: 'SOIR', label: 'Accueil périscolaire du soir', kind: 'evening_care', weekdays: [1, 2, 4, 5], dailyCapacity: 80 },
  { code: 'MERCREDI', label: 'Centre de loisirs du mercredi', kind: 'leisure_day', weekdays: [3], dailyCapacity: 40 },
  { code: 'VACANCES', label: 'Centre de loisirs des vacances', kind: 'leisure_day', weekdays: [1, 2, 3, 4, 5], dailyCapacity: 24 },
];
