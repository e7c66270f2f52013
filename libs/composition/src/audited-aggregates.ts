import type { AuditedAggregate, AuditModuleOptions } from '#ardoise/audit';
import { streamCategory } from '#ardoise/kernel';
import { calendarDecider, CALENDAR_STREAM, serviceDecider, serviceStream } from '#ardoise/catalogue';
import { familyDecider, FamilyKeyStore, FamilyRevealer, familyStream } from '#ardoise/families';
import { accountStream, auditedAccountDecider } from '#ardoise/identity';
import {
  auditedBillingRunDecider,
  auditedInvoiceDecider,
  auditedNumberingDecider,
  auditedTariffDecider,
  billingRunStream,
  creditNoteNumberingStream,
  invoiceStream,
  numberingStream,
  tariffStream,
} from '#ardoise/invoicing';
import { newsDecider, newsStream, requestDecider, requestStream } from '#ardoise/messaging';
import { basketDecider, basketStream, serviceDayDecider, serviceDayStream } from '#ardoise/reservations';

/**
 * The deciders auditors fold streams with ("state as of a date"), by stream category;
 * each bounded context adds its aggregates here, its category taken from the function that
 * names its streams. Every category the log holds must have one (test/api/audit-state-models.spec.ts).
 */
export const AUDITED_AGGREGATES: readonly AuditedAggregate[] = [
  { category: streamCategory(serviceStream('X')), label: 'Prestation', decider: serviceDecider },
  { category: streamCategory(CALENDAR_STREAM), label: 'Calendrier de la commune', decider: calendarDecider },
  { category: streamCategory(familyStream('x')), label: 'Famille', decider: familyDecider },
  { category: streamCategory(requestStream('x')), label: 'Demande (Mes demandes)', decider: requestDecider },
  { category: streamCategory(newsStream('x')), label: 'Actualité', decider: newsDecider },
  { category: streamCategory(accountStream('x')), label: 'Compte de connexion', decider: auditedAccountDecider },
  { category: streamCategory(invoiceStream('x')), label: 'Facture', decider: auditedInvoiceDecider },
  { category: streamCategory(tariffStream('X')), label: 'Tarif d’une prestation', decider: auditedTariffDecider },
  { category: streamCategory(numberingStream(2026)), label: 'Numérotation des factures (année)', decider: auditedNumberingDecider },
  { category: streamCategory(creditNoteNumberingStream(2026)), label: 'Numérotation des avoirs (année)', decider: auditedNumberingDecider },
  { category: streamCategory(billingRunStream('x')), label: 'Facturation mensuelle (lancement)', decider: auditedBillingRunDecider },
  { category: streamCategory(basketStream('x')), label: 'Panier de réservations', decider: basketDecider },
  { category: streamCategory(serviceDayStream('X', '2026-01-01')), label: 'Journée de prestation', decider: serviceDayDecider },
];

/**
 * What auditors see of events' personal data (event browser, state as of a date): opened
 * with the family's key while it exists, an erased marker after; exports stay as stored.
 */
export const AUDIT_REVEALER: AuditModuleOptions['revealer'] = {
  inject: [FamilyKeyStore],
  useFactory: (keys: FamilyKeyStore) => new FamilyRevealer(keys),
};
