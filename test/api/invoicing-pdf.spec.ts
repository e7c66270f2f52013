import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FixedClock } from '#ardoise/commands';
import { GivenFacts } from '../../libs/invoicing/src/testing/given-facts.js';
import { seedDemoTown } from '#ardoise/composition';
import { overlappingRuns, savePagePng, textOf, textRuns, type TextRun } from '../support/pdf-pages.js';
import { signIn, staff } from './support/families-fixtures.js';
import type { HttpClient } from './support/http-client.js';
import { bodyOf, eventually, startTestApp, type Json, type TestApp } from './support/test-app.js';

/**
 * The invoice PDF parents hand to their employer and to the tax office: every invoice of a
 * month with long lines, two children, surcharges, a justified absence, credit notes, a
 * payment and a corrected invoice is read back through pdfjs-dist; no two text runs may
 * overlap, and the words are the parents' (and the mentions a French public invoice carries).
 */
let app: TestApp;
let finance: HttpClient;
const clock = new FixedClock(new Date('2026-04-01T06:30:00Z'));
const outputDir = fileURLToPath(new URL('../../test-output/invoice-pdf/', import.meta.url));

const brackets = (prices: number[]) => [
  {
    code: 'T1',
    label: 'Quotient familial de 0 à 400 € (tarification sociale)',
    qfFrom: 0,
    qfTo: 400,
    unitPriceCents: prices[0],
    cantineAUnEuro: prices[0]! <= 100,
  },
  { code: 'T2', label: 'Quotient familial de 401 à 700 €', qfFrom: 401, qfTo: 700, unitPriceCents: prices[1] },
  { code: 'T3', label: 'Quotient familial de 701 à 1 000 €', qfFrom: 701, qfTo: 1000, unitPriceCents: prices[2] },
  { code: 'T4', label: 'Quotient familial de 1 001 à 1 500 €', qfFrom: 1001, qfTo: 1500, unitPriceCents: prices[3] },
  { code: 'T5', label: 'Quotient familial au-delà de 1 500 € ou non fourni', qfFrom: 1501, qfTo: null, unitPriceCents: prices[4] },
];

async function pdfOf(invoiceId: string): Promise<Uint8Array> {
  const response = await finance.get(`/invoices/${invoiceId}/pdf`);
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

const describeOverlaps = (pairs: [TextRun, TextRun][]) =>
  pairs
    .slice(0, 8)
    .map(([a, b]) => `p${a.page} « ${a.text} » (y ${a.y0.toFixed(1)}–${a.y1.toFixed(1)}) × « ${b.text} » (y ${b.y0.toFixed(1)}–${b.y1.toFixed(1)})`);

beforeAll(async () => {
  app = await startTestApp({ clock });
  await seedDemoTown(app.app, { info: () => undefined } as never);
  finance = await staff(app, 'finance');
  const put = async (code: string, body: Json) => expect((await finance.put(`/tariffs/${code}`, body)).status).toBe(200);
  await put('CANTINE', {
    effectiveFrom: '2025-09-01',
    brackets: brackets([100, 280, 360, 430, 510]),
    lateBookingSurchargeCents: 150,
    unbookedPresenceSurchargeCents: 300,
  });
  await put('CANTINE', {
    effectiveFrom: '2026-03-16',
    brackets: brackets([100, 290, 370, 440, 520]),
    lateBookingSurchargeCents: 150,
    unbookedPresenceSurchargeCents: 300,
  });
  for (const code of ['MATIN', 'SOIR', 'MERCREDI']) {
    await put(code, {
      effectiveFrom: '2025-09-01',
      brackets: brackets([120, 180, 240, 300, 360]),
      lateBookingSurchargeCents: 100,
      unbookedPresenceSurchargeCents: 400,
    });
  }

  const facts = new GivenFacts(app.infrastructure.store);
  const familyOf = async (email: string) => {
    const familyId = (await bodyOf(await (await signIn(app, email, 'Demo-Parent-2026!')).get('/auth/me'))).familyId as string;
    const children = await eventually(async () => {
      const rows = await app.infrastructure.db.selectFrom('family_children').select('child_id').where('family_id', '=', familyId).orderBy('child_id').execute();
      return rows.length > 0 && rows.map((r) => String(r.child_id));
    });
    return { familyId, children };
  };
  const martin = await familyOf('claire.martin@demo.ardoise.fr');
  const bernard = await familyOf('sami.bernard@demo.ardoise.fr');
  // Martin: QF 850 until 15 March, then no valid proof (highest bracket); two children, every kind of line.
  await facts.quotient({ familyId: martin.familyId, amount: 850, validFrom: '2025-09-01', validUntil: '2026-03-15', proofReference: 'CAF-2025' });
  for (const child of martin.children) {
    for (const d of ['02', '03', '06', '09', '10', '12', '16', '19', '20', '23'])
      await facts.day(martin.familyId, child, 'CANTINE', `2026-03-${d}`).booked().attended('present').write();
    await facts.day(martin.familyId, child, 'CANTINE', '2026-03-05').booked().attended('absent').justified().write();
    await facts.day(martin.familyId, child, 'CANTINE', '2026-03-17').late().booked().attended('present').write();
    for (const d of ['02', '03', '05', '17', '19']) await facts.day(martin.familyId, child, 'MATIN', `2026-03-${d}`).booked().attended('present').write();
    await facts.day(martin.familyId, child, 'MATIN', '2026-03-24').late().booked().attended('present').write();
    for (const d of ['02', '09', '16', '23']) await facts.day(martin.familyId, child, 'SOIR', `2026-03-${d}`).booked().attended('present').write();
    await facts.day(martin.familyId, child, 'SOIR', '2026-03-26').attended('present_unbooked').write();
    for (const d of ['04', '11', '25']) await facts.day(martin.familyId, child, 'MERCREDI', `2026-03-${d}`).booked().attended('present').write();
    await facts.day(martin.familyId, child, 'MERCREDI', '2026-03-18').attended('present_unbooked').write();
  }
  // Bernard: QF 320, the « cantine à 1 € » bracket.
  await facts.quotient({ familyId: bernard.familyId, amount: 320, validFrom: '2025-09-01', validUntil: '2026-08-31', proofReference: 'CAF-2025-B' });
  for (const d of ['02', '03', '05']) await facts.day(bernard.familyId, bernard.children[0]!, 'CANTINE', `2026-03-${d}`).booked().attended('present').write();
  const expectedDays = martin.children.length * 27 + 3;
  await eventually(async () => {
    const row = await app.infrastructure.db
      .selectFrom('invoicing_billable_days')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirst();
    return Number(row?.n) === expectedDays;
  }, 20_000);
}, 180_000);

afterAll(async () => {
  await app?.close();
}, 30_000);

describe('the invoice PDF', () => {
  let invoices: Json[];

  it('is issued for each family of the month, then credited, paid and corrected as in real life', async () => {
    const run = await bodyOf(await finance.post('/billing-runs', { period: '2026-03' }));
    await eventually(async () => (await bodyOf(await finance.get(`/billing-runs/${run.runId}`))).status === 'completed', 30_000);
    invoices = await eventually(async () => {
      const rows = (await bodyOf(await finance.get('/finance/invoices?period=2026-03'))).invoices as Json[];
      return rows.length === 2 && rows;
    });
    const [big, small] = [...invoices].sort((a, b) => b.totalCents - a.totalCents) as [Json, Json];
    const credit = await finance.post(`/invoices/${big.invoiceId}/credit-notes`, {
      amountCents: 370,
      reason: 'Repas du jeudi 19 mars non servi : grève du personnel de restauration, remboursé à toutes les familles inscrites ce jour-là',
    });
    expect(credit.status).toBe(201);
    expect(
      (await finance.post(`/invoices/${big.invoiceId}/payments`, { means: 'cheque', amountCents: 2000, paidOn: '2026-04-10', reference: 'Chèque n° 1234567' }))
        .status,
    ).toBe(201);
    const reissued = await finance.post(`/invoices/${small.invoiceId}/credit-notes`, {
      whole: true,
      reissue: true,
      reason: 'Quotient familial transmis avant la facturation',
    });
    expect(reissued.status).toBe(201);
    invoices = await eventually(async () => {
      const rows = (await bodyOf(await finance.get('/finance/invoices'))).invoices as Json[];
      return rows.length === 3 && rows;
    });
    expect(invoices.map((i) => i.kind).sort()).toEqual(['correction', 'monthly', 'monthly'].sort());
  }, 60_000);

  it('lays out every invoice so that no two pieces of text overlap, on every page', async () => {
    const problems: string[] = [];
    for (const invoice of invoices) {
      const { pages, runs } = await textRuns(await pdfOf(invoice.invoiceId));
      const overlaps = overlappingRuns(runs);
      if (overlaps.length) problems.push(`facture ${invoice.number} (${pages} p.) : ${overlaps.length} chevauchements`, ...describeOverlaps(overlaps));
      for (const run of runs) {
        if (run.x0 < 20 || run.x1 > 575 || run.y0 < 15 || run.y1 > 830) problems.push(`facture ${invoice.number} : « ${run.text} » sort de la page`);
      }
    }
    expect(problems).toEqual([]);
  }, 60_000);

  it('breaks a long invoice over pages, repeating the table header, and keeps page 1 as a PNG for review', async () => {
    const big = invoices.find((i) => i.kind === 'monthly' && i.totalCents > 10_000)!;
    const pdf = await pdfOf(big.invoiceId);
    const { pages, runs } = await textRuns(pdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    for (let page = 1; page <= pages; page++) {
      expect(textOf(runs, page)).toContain(`Page ${page} sur ${pages}`);
      expect(textOf(runs, page)).toContain(`Facture n° ${big.number}`);
    }
    const tablePages = [...new Set(runs.filter((r) => r.text === 'Prix unitaire').map((r) => r.page))];
    expect(tablePages.length).toBeGreaterThanOrEqual(2);
    for (const page of [1, 2]) await savePagePng(pdf, page, join(outputDir, `facture-${big.number}-page-${page}.png`));
  }, 60_000);

  it('speaks the parents’ words and carries the mentions of a French public invoice', async () => {
    const big = invoices.find((i) => i.kind === 'monthly' && i.totalCents > 10_000)!;
    const text = textOf((await textRuns(await pdfOf(big.invoiceId))).runs);
    expect(text).not.toMatch(/tarif v\d/i);
    expect(text).toContain('Tarif selon quotient familial : tranche 3');
    expect(text).toContain('Quotient familial non fourni : tranche 5');
    expect(text).toMatch(/Majoration pour réservation hors délai/);
    expect(text).toMatch(/Majoration pour présence sans réservation/);
    expect(text).toMatch(/Absence justifiée/);
    expect(text).toContain('Avoir n° AV-2026-000001');
    for (const mention of [
      'Mairie de Saint-Ardoise',
      'Régie des services périscolaires',
      'SIRET',
      'Comptable public',
      'Référence de la dette',
      big.payfipReference,
      'Date d’émission',
      'Date limite de paiement',
      'www.payfip.gouv.fr',
      'tribunal administratif',
      'deux mois',
    ]) {
      expect(text).toContain(mention);
    }
    const corrected = invoices.find((i) => i.kind === 'correction')!;
    const correctedText = textOf((await textRuns(await pdfOf(corrected.invoiceId))).runs);
    expect(correctedText).toContain('Facture rectificative');
    expect(correctedText).toContain('cantine à 1 €');
  }, 60_000);
});
