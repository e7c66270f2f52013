import { frenchCsv } from '../exports/french-csv.js';
import type { Balance, Explanation } from '../domain/reconciliation.js';

type FamilyRow = { familyId: string; readModel: Balance; events: Balance };

export const PROBLEM_LABELS: Record<Explanation['problem'], string> = {
  missing_in_read_model: 'Événement absent des tables de lecture',
  amount_differs: 'Montant différent dans les tables de lecture',
  kind_differs: 'Nature différente dans les tables de lecture',
  not_in_events: 'Ligne des tables de lecture sans événement',
};
const KIND_LABELS: Record<string, string> = { issued: 'Émis', credited: 'Avoir', paid: 'Payé', refunded: 'Remboursé' };

/** Per family: both sides of issued − credited − paid + refunded = outstanding, and the gap. */
export const reconciliationFamiliesCsv = (rows: FamilyRow[]) =>
  frenchCsv<FamilyRow>(
    [
      { header: 'Famille', value: (r) => r.familyId },
      { header: 'Émis (€)', value: (r) => ({ cents: r.readModel.issuedCents }) },
      { header: 'Avoirs (€)', value: (r) => ({ cents: r.readModel.creditedCents }) },
      { header: 'Payé (€)', value: (r) => ({ cents: r.readModel.paidCents }) },
      { header: 'Remboursé (€)', value: (r) => ({ cents: r.readModel.refundedCents }) },
      { header: 'Reste dû, tables de lecture (€)', value: (r) => ({ cents: r.readModel.outstandingCents }) },
      { header: 'Reste dû, événements (€)', value: (r) => ({ cents: r.events.outstandingCents }) },
      { header: 'Écart (€)', value: (r) => ({ cents: r.readModel.outstandingCents - r.events.outstandingCents }) },
    ],
    rows,
  );

/** The events (or read-model rows) that explain each difference. */
export const reconciliationExplanationsCsv = (rows: Explanation[]) =>
  frenchCsv<Explanation>(
    [
      { header: 'Instant', value: (r) => r.occurredAt },
      { header: 'Famille', value: (r) => r.familyId },
      { header: 'Facture', value: (r) => r.invoiceId },
      { header: 'Événement', value: (r) => r.eventId },
      { header: 'Type', value: (r) => r.eventType },
      { header: 'Flux', value: (r) => r.streamId },
      { header: 'Constat', value: (r) => PROBLEM_LABELS[r.problem] },
      { header: 'Selon les événements', value: (r) => (r.eventsEntry ? KIND_LABELS[r.eventsEntry.kind] : null) },
      { header: 'Montant, événements (€)', value: (r) => (r.eventsEntry ? { cents: r.eventsEntry.amountCents } : null) },
      { header: 'Selon les tables de lecture', value: (r) => (r.readModelEntry ? KIND_LABELS[r.readModelEntry.kind] : null) },
      { header: 'Montant, tables de lecture (€)', value: (r) => (r.readModelEntry ? { cents: r.readModelEntry.amountCents } : null) },
    ],
    rows,
  );
