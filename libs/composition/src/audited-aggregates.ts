import { foldedCopies, type AuditedAggregate, type AuditModuleOptions } from '#ardoise/audit';
import { calendarDecider, serviceDecider } from '#ardoise/catalogue';
import { familyDecider, FamilyKeyStore, FamilyRevealer } from '#ardoise/families';
import { newsDecider, requestDecider } from '#ardoise/messaging';
import { basketDecider, serviceDayDecider } from '#ardoise/reservations';

/**
 * The deciders auditors fold streams with ("state as of a date"), by stream category;
 * each bounded context adds its aggregates here.
 */
export const AUDITED_AGGREGATES: readonly AuditedAggregate[] = [
  { category: 'service', label: 'Prestation', decider: serviceDecider },
  { category: 'calendar', label: 'Calendrier de la commune', decider: calendarDecider },
  { category: 'family', label: 'Famille', decider: familyDecider },
  { category: 'request', label: 'Demande (Mes demandes)', decider: requestDecider },
  { category: 'news', label: 'Actualité', decider: newsDecider },
  // Reservations fold in place into Maps (hot aggregates): auditors fold copies.
  { category: 'basket', label: 'Panier de réservations', decider: foldedCopies(basketDecider) },
  { category: 'service-day', label: 'Journée de prestation', decider: foldedCopies(serviceDayDecider) },
];

/**
 * What auditors see of events' personal data (event browser, state as of a date): opened
 * with the family's key while it exists, an erased marker after; exports stay as stored.
 */
export const AUDIT_REVEALER: AuditModuleOptions['revealer'] = {
  inject: [FamilyKeyStore],
  useFactory: (keys: FamilyKeyStore) => new FamilyRevealer(keys),
};
