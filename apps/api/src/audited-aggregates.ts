import type { AuditedAggregate } from '#ardoise/audit';
import { calendarDecider, serviceDecider } from '#ardoise/catalogue';
import { auditedInvoiceDecider, auditedTariffDecider } from '#ardoise/invoicing';

/**
 * The deciders auditors fold streams with ("state as of a date"), by stream category;
 * each bounded context adds its aggregates here.
 */
export const AUDITED_AGGREGATES: readonly AuditedAggregate[] = [
  { category: 'service', label: 'Prestation', decider: serviceDecider },
  { category: 'calendar', label: 'Calendrier de la commune', decider: calendarDecider },
  { category: 'invoice', label: 'Facture', decider: auditedInvoiceDecider },
  { category: 'tariff', label: 'Grille tarifaire', decider: auditedTariffDecider },
];
