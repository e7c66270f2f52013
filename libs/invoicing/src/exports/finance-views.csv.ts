import { frenchCsv } from './french-csv.js';

const MEANS: Record<string, string> = { payfip: 'Carte (PayFIP)', direct_debit: 'Prélèvement', cash: 'Espèces', cheque: 'Chèque', cesu: 'CESU' };
type Row = Record<string, any>;

export const paymentsCsv = (rows: Row[]) =>
  frenchCsv<Row>(
    [
      { header: 'Date', value: (r) => ({ date: r.paidOn }) },
      { header: 'Facture', value: (r) => r.invoiceNumber },
      { header: 'Famille', value: (r) => r.familyId },
      { header: 'Moyen', value: (r) => MEANS[r.means] ?? r.means },
      { header: 'Montant (€)', value: (r) => ({ cents: r.amountCents }) },
      { header: 'Référence', value: (r) => r.reference },
      { header: 'État', value: (r) => (r.status === 'reversed' ? `Rejeté le ${r.reversedOn}` : 'Encaissé') },
    ],
    rows,
  );

export const outstandingCsv = (rows: Row[]) =>
  frenchCsv<Row>(
    [
      { header: 'Famille', value: (r) => r.familyId },
      { header: 'Factures ouvertes', value: (r) => r.openInvoices },
      { header: 'Reste à payer (€)', value: (r) => ({ cents: r.outstandingCents }) },
      { header: 'Plus ancienne échéance', value: (r) => ({ date: r.oldestDueDate }) },
    ],
    rows,
  );

export const statementCsv = (rows: Row[]) =>
  frenchCsv<Row>(
    [
      { header: 'Date', value: (r) => ({ date: r.date }) },
      { header: 'Opération', value: (r) => r.label },
      { header: 'Débit (€)', value: (r) => (r.debitCents ? { cents: r.debitCents } : null) },
      { header: 'Crédit (€)', value: (r) => (r.creditCents ? { cents: r.creditCents } : null) },
      { header: 'Solde (€)', value: (r) => ({ cents: r.balanceCents }) },
    ],
    rows,
  );

export const collectionSummaryCsv = (rows: Row[]) =>
  frenchCsv<Row>(
    [
      { header: 'Date', value: (r) => ({ date: r.date }) },
      { header: 'Moyen', value: (r) => MEANS[r.means] ?? r.means },
      { header: 'Nombre', value: (r) => r.count },
      { header: 'Montant (€)', value: (r) => ({ cents: r.amountCents }) },
    ],
    rows,
  );

export const mealCountsCsv = (rows: Row[]) =>
  frenchCsv<Row>(
    [
      { header: 'Prestation', value: (r) => r.serviceCode },
      { header: 'Tranche', value: (r) => r.bracketCode },
      { header: 'Cantine à 1 €', value: (r) => (r.cantineAUnEuro ? 'oui' : 'non') },
      { header: 'Repas facturés', value: (r) => r.meals },
      { header: 'Montant (€)', value: (r) => ({ cents: r.amountCents }) },
    ],
    rows,
  );
