import type { InvoiceExplanation } from '#ardoise/contracts';
import { frenchCsv } from '../exports/french-csv.js';

interface Row {
  line: InvoiceExplanation['lines'][number];
  date: string | null;
  event: InvoiceExplanation['lines'][number]['dates'][number]['events'][number] | null;
}

/** « Pourquoi ce montant ? » as a spreadsheet: one row per event of each day of each line (the line alone when a day has none). */
export function explanationCsv(explanation: InvoiceExplanation): string {
  const rows: Row[] = explanation.lines.flatMap((line) =>
    line.dates.flatMap((day): Row[] =>
      day.events.length ? day.events.map((event) => ({ line, date: day.date, event })) : [{ line, date: day.date, event: null }],
    ),
  );
  return frenchCsv<Row>(
    [
      { header: 'Facture', value: () => explanation.number },
      { header: 'Ligne', value: (r) => r.line.lineNo },
      { header: 'Enfant', value: (r) => r.line.childName ?? r.line.childId },
      { header: 'Prestation', value: (r) => r.line.serviceLabel ?? r.line.serviceCode },
      { header: 'Nature', value: (r) => r.line.kind },
      { header: 'Prix unitaire (€)', value: (r) => ({ cents: r.line.unitPriceCents }) },
      { header: 'Montant de la ligne (€)', value: (r) => ({ cents: r.line.amountCents }) },
      { header: 'Version de la grille', value: (r) => r.line.tariff.version },
      { header: 'Tranche', value: (r) => r.line.tariff.bracket.code },
      { header: 'Quotient familial', value: (r) => r.line.quotient.amount },
      { header: 'Jour', value: (r) => ({ date: r.date }) },
      { header: 'Événement', value: (r) => r.event?.type },
      { header: 'Ce qu’il dit', value: (r) => r.event?.summary },
      { header: 'Fonde la ligne', value: (r) => (r.event ? (r.event.decisive ? 'oui' : 'non') : '') },
      { header: 'Flux', value: (r) => r.event?.streamId },
      { header: 'Révision', value: (r) => r.event?.revision },
      { header: 'Identifiant de l’événement', value: (r) => r.event?.eventId },
      { header: 'Enregistré le', value: (r) => r.event?.recordedAt },
    ],
    rows,
  );
}
