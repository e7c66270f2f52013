import { frenchCsv } from './french-csv.js';
import type { InvoiceSummary } from '#ardoise/contracts';

export const invoicesCsv = (rows: InvoiceSummary[]) =>
  frenchCsv<InvoiceSummary>(
    [
      { header: 'Numéro', value: (r) => r.number },
      { header: 'Famille', value: (r) => r.familyId },
      { header: 'Mois', value: (r) => r.period },
      { header: 'Émise le', value: (r) => ({ date: r.issuedOn }) },
      { header: 'Échéance', value: (r) => ({ date: r.dueDate }) },
      { header: 'Montant (€)', value: (r) => ({ cents: r.totalCents }) },
      { header: 'Avoirs (€)', value: (r) => ({ cents: r.creditedCents }) },
      { header: 'Payé (€)', value: (r) => ({ cents: r.paidCents }) },
      { header: 'Remboursé (€)', value: (r) => ({ cents: r.refundedCents }) },
      { header: 'Reste à payer (€)', value: (r) => ({ cents: r.outstandingCents }) },
      { header: 'Statut', value: (r) => r.statusLabel },
      { header: 'Référence PayFIP', value: (r) => r.payfipReference },
      { header: 'Nom de la famille', value: (r) => r.familyName ?? '' },
    ],
    rows,
  );
