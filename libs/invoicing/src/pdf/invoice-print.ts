import type { TariffBook } from '../domain/tariff.js';
import { formatEuros, formatFrenchDate } from '../domain/money.js';
import type { InvoiceNames } from './invoice-names.js';

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
export const periodLabel = (period: string) => `${MONTHS[Number(period.slice(5, 7)) - 1]} ${period.slice(0, 4)}`;

/** An invoice line as the detail query returns it. */
export interface PrintableLine {
  childId: string;
  serviceCode: string;
  kind: string;
  days: number;
  unitPriceCents: number;
  amountCents: number;
  tariffVersion: number;
  bracketCode: string;
  cantineAUnEuro: boolean;
  quotient: number | null;
  dates: string[];
}

/** One row of the invoice's table, in the words a parent reads. */
export interface PrintedRow {
  child: string;
  service: string;
  details: string[];
  days: string;
  unitPrice: string;
  amount: string;
}

/** How the price was chosen (never « tarif v3 »: the grid's version stays in the event, not on paper). */
function tariffWords(line: PrintableLine, tariffs: TariffBook): string {
  const brackets = tariffs.version(line.serviceCode, line.tariffVersion)?.brackets ?? [];
  const index = brackets.findIndex((b) => b.code === line.bracketCode);
  const bracket = index >= 0 ? `tranche ${index + 1}` : `tranche ${line.bracketCode}`;
  if (line.quotient === null) return `Quotient familial non fourni : ${bracket} (tarif le plus élevé)`;
  const qf = `quotient familial de ${line.quotient.toLocaleString('fr-FR').replace(/\u202f/g, ' ')} €`;
  if (line.cantineAUnEuro) return `Tarification sociale « cantine à 1 € » : ${bracket} (${qf})`;
  return `Tarif selon quotient familial : ${bracket} (${qf})`;
}

const KIND_WORDS: Record<string, string> = {
  late_booking_surcharge: 'Majoration pour réservation hors délai : jour réservé après la date limite du règlement, accepté par le service',
  unbooked_presence_surcharge: 'Majoration pour présence sans réservation : enfant accueilli sans inscription préalable',
  justified_absence_credit: 'Absence justifiée par un certificat médical : jour déduit, non facturé',
};

/** « les 2, 3 et 16 mars » — the days the line counts, grouped by month. */
export function daysWords(dates: readonly string[]): string {
  const byMonth = new Map<string, number[]>();
  for (const date of [...dates].sort()) {
    const key = date.slice(0, 7);
    byMonth.set(key, [...(byMonth.get(key) ?? []), Number(date.slice(8, 10))]);
  }
  const parts = [...byMonth].map(([month, days]) => {
    const list = days.map((d) => (d === 1 ? '1er' : String(d)));
    const joined = list.length > 1 ? `${list.slice(0, -1).join(', ')} et ${list.at(-1)}` : list[0];
    return `${joined} ${MONTHS[Number(month.slice(5, 7)) - 1]}`;
  });
  return `${dates.length > 1 ? 'Les' : 'Le'} ${parts.join(', ')}`;
}

export function printedRows(lines: readonly PrintableLine[], names: InvoiceNames, tariffs: TariffBook): PrintedRow[] {
  return lines.map((line) => ({
    child: names.children.get(line.childId) ?? 'Enfant',
    service: names.services.get(line.serviceCode) ?? line.serviceCode,
    details: [
      line.kind === 'service' ? tariffWords(line, tariffs) : (KIND_WORDS[line.kind] ?? line.kind),
      ...(line.dates.length ? [daysWords(line.dates)] : []),
    ],
    days: String(line.days),
    unitPrice: formatEuros(line.unitPriceCents),
    amount: formatEuros(line.amountCents),
  }));
}

export interface PrintedTotal {
  label: string;
  amount: string;
  strong?: boolean;
}

interface Settlement {
  totalCents: number;
  creditNotes: { number: string | null; amountCents: number; issuedOn: string; reason: string }[];
  payments: { means: string; amountCents: number; paidOn: string; status: string }[];
  refundedCents: number;
  outstandingCents: number;
}

const MEANS: Record<string, string> = {
  payfip: 'carte bancaire (PayFIP)',
  direct_debit: 'prélèvement',
  cash: 'espèces',
  cheque: 'chèque',
};

/** Total, credit notes (with their reason), payments one by one, what remains to pay. */
export function printedTotals(invoice: Settlement): PrintedTotal[] {
  const totals: PrintedTotal[] = [{ label: 'Total de la facture', amount: formatEuros(invoice.totalCents), strong: true }];
  for (const credit of invoice.creditNotes) {
    totals.push({
      label: `${credit.number ? `Avoir n° ${credit.number}` : 'Avoir'} du ${formatFrenchDate(credit.issuedOn)} : ${credit.reason}`,
      amount: formatEuros(-credit.amountCents),
    });
  }
  for (const payment of invoice.payments.filter((p) => p.status === 'recorded')) {
    totals.push({
      label: `Paiement du ${formatFrenchDate(payment.paidOn)} (${MEANS[payment.means] ?? payment.means})`,
      amount: formatEuros(-payment.amountCents),
    });
  }
  if (invoice.refundedCents) totals.push({ label: 'Remboursé', amount: formatEuros(invoice.refundedCents) });
  totals.push({ label: 'Reste à payer', amount: formatEuros(invoice.outstandingCents), strong: true });
  return totals;
}
