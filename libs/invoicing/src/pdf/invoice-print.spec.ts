import { TariffBook } from '../domain/tariff.js';
import { daysWords, printedRows, printedTotals, type PrintableLine } from './invoice-print.js';

const book = new TariffBook([
  {
    serviceCode: 'CANTINE',
    version: 3,
    effectiveFrom: '2025-09-01',
    brackets: [
      { code: 'A', label: 'QF de 0 à 400 €', qfFrom: 0, qfTo: 400, unitPriceCents: 100, cantineAUnEuro: true },
      { code: 'B', label: 'QF de 401 à 900 €', qfFrom: 401, qfTo: 900, unitPriceCents: 300 },
      { code: 'C', label: 'QF au-delà', qfFrom: 901, qfTo: null, unitPriceCents: 450 },
    ],
    lateBookingSurchargeCents: 100,
    unbookedPresenceSurchargeCents: 200,
  },
]);
const names = { familyName: 'Martin', children: new Map([['c1', 'Léa Martin']]), services: new Map([['CANTINE', 'Restauration scolaire']]) };
const line = (overrides: Partial<PrintableLine>): PrintableLine => ({
  childId: 'c1',
  serviceCode: 'CANTINE',
  kind: 'service',
  days: 2,
  unitPriceCents: 300,
  amountCents: 600,
  tariffVersion: 3,
  bracketCode: 'B',
  cantineAUnEuro: false,
  quotient: 750,
  dates: ['2026-03-02', '2026-03-03'],
  ...overrides,
});

describe('an invoice line in parents’ words', () => {
  it('names the QF bracket by its rank and the family’s QF, never the grid’s version', () => {
    const [row] = printedRows([line({})], names, book);
    expect(row!.details[0]).toBe('Tarif selon quotient familial : tranche 2 (quotient familial de 750 €)');
    expect(row!.details.join(' ')).not.toMatch(/v3|version/);
    expect(printedRows([line({ quotient: null, bracketCode: 'C' })], names, book)[0]!.details[0]).toBe(
      'Quotient familial non fourni : tranche 3 (tarif le plus élevé)',
    );
    expect(printedRows([line({ quotient: 320, bracketCode: 'A', cantineAUnEuro: true })], names, book)[0]!.details[0]).toContain(
      '« cantine à 1 € » : tranche 1',
    );
  });

  it('explains each surcharge and the justified absence', () => {
    const rows = printedRows(
      [line({ kind: 'late_booking_surcharge' }), line({ kind: 'unbooked_presence_surcharge' }), line({ kind: 'justified_absence_credit', amountCents: -300 })],
      names,
      book,
    );
    expect(rows.map((r) => r.details[0])).toEqual([
      expect.stringMatching(/^Majoration pour réservation hors délai : .*date limite/),
      expect.stringMatching(/^Majoration pour présence sans réservation : /),
      expect.stringMatching(/^Absence justifiée par un certificat médical/),
    ]);
    expect(rows[2]!.amount).toBe('-3,00 €');
  });

  it('lists the days counted, grouped by month', () => {
    expect(daysWords(['2026-03-16', '2026-03-02', '2026-04-01'])).toBe('Les 2 et 16 mars, 1er avril');
    expect(daysWords(['2026-03-05'])).toBe('Le 5 mars');
  });

  it('shows each credit note with its reason and each payment kept, then what remains', () => {
    const totals = printedTotals({
      totalCents: 2000,
      creditNotes: [{ number: 'AV-2026-000004', amountCents: 300, issuedOn: '2026-04-02', reason: 'Repas non servi' }],
      payments: [
        { means: 'cheque', amountCents: 500, paidOn: '2026-04-10', status: 'recorded' },
        { means: 'direct_debit', amountCents: 1200, paidOn: '2026-05-01', status: 'reversed' },
      ],
      refundedCents: 0,
      outstandingCents: 1200,
    });
    expect(totals.map((t) => `${t.label} = ${t.amount}`)).toEqual([
      'Total de la facture = 20,00 €',
      'Avoir n° AV-2026-000004 du 02/04/2026 : Repas non servi = -3,00 €',
      'Paiement du 10/04/2026 (chèque) = -5,00 €',
      'Reste à payer = 12,00 €',
    ]);
  });
});
