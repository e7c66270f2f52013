import { FixedClock } from '#ardoise/commands';
import { DEMO_STAFF } from '#ardoise/identity';
import { GivenFacts } from '../../libs/invoicing/src/testing/given-facts.js';
import { seedDemoTown } from '#ardoise/composition';
import { HttpClient } from './support/http-client.js';
import { bodyOf, eventually, startTestApp, type Json, type TestApp } from './support/test-app.js';

let app: TestApp;
const clock = new FixedClock(new Date('2026-04-01T06:30:00Z'));
const silentLogger = { info: () => undefined } as never;
let finance: HttpClient;
let parent: HttpClient;
let martin: Json; // 5 canteen days at 3,20 € = 16,00 €
let bernard: Json; // 3 canteen days at 1,00 € (mandate) = 3,00 €
const staff = (role: string) => DEMO_STAFF.find((s) => s.role === role)!;
const minutes = (n: number) => clock.set(new Date(clock.now().getTime() + n * 60_000));

async function signIn(email: string, password: string): Promise<HttpClient> {
  const client = new HttpClient(app.baseUrl);
  expect((await client.post('/auth/login', { email, password })).status).toBe(200);
  return client;
}
const invoice = async (id: string) => bodyOf(await finance.get(`/invoices/${id}`));
const operationStatus = (id: string, operationId: string) =>
  eventually(async () => {
    const op = ((await invoice(id)).payfipOperations as Json[]).find((o) => o.operationId === operationId);
    return op && op.status !== 'pending' && op.status;
  });

/** The parent goes to PayFIP's page and the tester picks an outcome there. */
async function payOnline(invoiceId: string, choice: { resultat: 'P' | 'R' | 'A'; perdre?: boolean; montant?: string }) {
  const started = await parent.post(`/invoices/${invoiceId}/payfip`);
  expect(started.status).toBe(201);
  const operation = await bodyOf(started);
  const page = await fetch(operation.paymentUrl);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('mode test');
  const form = new URLSearchParams({
    idop: operation.operationId,
    resultat: choice.resultat,
    ...(choice.perdre ? { perdre: 'oui' } : {}),
    ...(choice.montant ? { montant: choice.montant } : {}),
  });
  const done = await fetch(`${app.baseUrl}/api/payfip-sandbox/paiement`, { method: 'POST', body: form, redirect: 'manual' });
  expect(done.status).toBe(303);
  return operation as Json;
}

beforeAll(async () => {
  app = await startTestApp({ clock });
  await seedDemoTown(app.app, silentLogger);
  finance = await signIn(staff('finance').email, staff('finance').password);
  parent = await signIn('claire.martin@demo.ardoise.fr', 'Demo-Parent-2026!');
  const bernardParent = await signIn('sami.bernard@demo.ardoise.fr', 'Demo-Parent-2026!');
  const ids = { martin: (await bodyOf(await parent.get('/auth/me'))).familyId, bernard: (await bodyOf(await bernardParent.get('/auth/me'))).familyId };
  const child = (familyId: string) =>
    eventually(
      async () => (await app.infrastructure.db.selectFrom('family_children').select('child_id').where('family_id', '=', familyId).executeTakeFirst())?.child_id,
    );
  const grid = [
    { code: 'T1', label: 'QF ≤ 500', qfFrom: 0, qfTo: 500, unitPriceCents: 100, cantineAUnEuro: true },
    { code: 'T2', label: 'QF > 500', qfFrom: 501, qfTo: null, unitPriceCents: 320 },
  ];
  expect(
    (await finance.put('/tariffs/CANTINE', { effectiveFrom: '2025-09-01', brackets: grid, lateBookingSurchargeCents: 0, unbookedPresenceSurchargeCents: 0 }))
      .status,
  ).toBe(200);
  const facts = new GivenFacts(app.infrastructure.store);
  const [léa, inès] = [String(await child(ids.martin)), String(await child(ids.bernard))];
  for (const d of ['02', '03', '05', '06', '09']) await facts.day(ids.martin, léa, 'CANTINE', `2026-03-${d}`).booked().write();
  await facts.quotient({ familyId: ids.bernard, amount: 400, validFrom: '2025-09-01', validUntil: '2026-08-31', proofReference: 'CAF' });
  expect(
    (
      await finance.put(`/families/${ids.bernard}/direct-debit-mandate`, {
        mandateReference: 'RUM-2026-000042',
        signedOn: '2026-02-01',
        iban: 'FR76 3000 4000 0312 3456 7890 143',
      })
    ).status,
  ).toBe(204);
  for (const d of ['02', '03', '05']) await facts.day(ids.bernard, inès, 'CANTINE', `2026-03-${d}`).booked().write();
  await eventually(async () => {
    const n = await app.infrastructure.db
      .selectFrom('invoicing_billable_days')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirst();
    const m = await app.infrastructure.db.selectFrom('invoicing_mandates').select('family_id').executeTakeFirst();
    return Number(n?.n) === 8 && !!m;
  });
  const run = await bodyOf(await finance.post('/billing-runs', { period: '2026-03' }));
  await eventually(async () => (await bodyOf(await finance.get(`/billing-runs/${run.runId}`))).status === 'completed');
  const list = await eventually(async () => {
    const rows = (await bodyOf(await finance.get('/finance/invoices'))).invoices as Json[];
    return rows.length === 2 && rows;
  });
  martin = list.find((i) => i.familyId === ids.martin)!;
  bernard = list.find((i) => i.familyId === ids.bernard)!;
  expect([martin.totalCents, bernard.totalCents]).toEqual([1600, 300]);
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe('paying online with PayFIP (test-mode double)', () => {
  it('records a refusal and an abandonment as failed payments, leaving the invoice to pay', async () => {
    const refused = await payOnline(martin.invoiceId, { resultat: 'R' });
    expect(await operationStatus(martin.invoiceId, refused.operationId)).toBe('refused');
    const abandoned = await payOnline(martin.invoiceId, { resultat: 'A' });
    expect(await operationStatus(martin.invoiceId, abandoned.operationId)).toBe('abandoned');
    expect((await invoice(martin.invoiceId)).outstandingCents).toBe(1600);
  });

  it('marks an operation never completed as expired, and its page refuses a late payment', async () => {
    const started = await bodyOf(await parent.post(`/invoices/${martin.invoiceId}/payfip`));
    minutes(21);
    expect((await fetch(started.paymentUrl)).status).toBe(410);
    await eventually(async () => ((await invoice(martin.invoiceId)).payfipOperations as Json[]).some((o) => o.operationId === started.operationId));
    await finance.post('/finance/payfip/repair');
    expect(await operationStatus(martin.invoiceId, started.operationId)).toBe('expired');
  });

  it('records no payment when PayFIP reports another amount', async () => {
    const op = await payOnline(martin.invoiceId, { resultat: 'P', montant: '100' });
    expect(await operationStatus(martin.invoiceId, op.operationId)).toBe('anomaly');
    expect((await invoice(martin.invoiceId)).paidCents).toBe(0);
  });

  it('recovers a lost notification with the repair job, records one payment however many notifications follow, and uses an operation once', async () => {
    const op = await payOnline(martin.invoiceId, { resultat: 'P', perdre: true });
    await eventually(async () => ((await invoice(martin.invoiceId)).payfipOperations as Json[]).some((o) => o.operationId === op.operationId));
    expect(((await invoice(martin.invoiceId)).payfipOperations as Json[]).find((o) => o.operationId === op.operationId)!.status).toBe('pending');
    minutes(2);
    expect((await bodyOf(await finance.post('/finance/payfip/repair'))).settled).toBeGreaterThanOrEqual(1);
    expect(await operationStatus(martin.invoiceId, op.operationId)).toBe('paid');
    const notify = () =>
      fetch(`${app.baseUrl}/api/v1/payfip/notifications`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `idOp=${op.operationId}`,
      });
    const again = await Promise.all([notify(), notify()]);
    expect(again.map((r) => r.status)).toEqual([200, 200]);
    const paid = await eventually(async () => {
      const detail = await invoice(martin.invoiceId);
      return detail.status === 'paid' && detail;
    });
    expect(paid.payments).toHaveLength(1);
    expect(paid.payments[0]).toMatchObject({ means: 'payfip', amountCents: 1600 });
    expect((await fetch(op.paymentUrl)).status).toBe(410);
    expect((await parent.post(`/invoices/${martin.invoiceId}/payfip`)).status).toBe(422);
  });
});

describe('the finance office', () => {
  it('collects families with a mandate on the due date (pain.008), and a rejected debit reopens the invoice', async () => {
    clock.set(new Date('2026-05-01T08:00:00Z'));
    const batch = await bodyOf(await finance.post('/finance/direct-debits', { date: '2026-05-01' }));
    expect(batch).toMatchObject({ count: 1, totalCents: 300, invoices: [bernard.number] });
    const file = await finance.get(`/finance/files/${batch.fileId}`);
    const xml = await file.text();
    expect(xml).toContain('urn:iso:std:iso:20022:tech:xsd:pain.008.001.02');
    expect(xml).toContain('<MndtId>RUM-2026-000042</MndtId>');
    expect(xml).toContain('<IBAN>FR7630004000031234567890143</IBAN>');
    const collected = await eventually(async () => {
      const detail = await invoice(bernard.invoiceId);
      return detail.status === 'paid' && detail;
    });
    const rejected = await finance.post(`/invoices/${bernard.invoiceId}/payments/${collected.payments[0].paymentId}/rejection`, { reasonCode: 'AM04' });
    expect(rejected.status).toBe(201);
    expect(await bodyOf(rejected)).toMatchObject({ status: 'issued', outstandingCents: 300 });
  });

  it('takes a desk payment from finance, never from the auditor or a parent, and refuses overpaying', async () => {
    const auditor = await signIn(staff('auditor').email, staff('auditor').password);
    expect((await auditor.post(`/invoices/${bernard.invoiceId}/payments`, { means: 'cash', amountCents: 100 })).status).toBe(403);
    expect((await parent.post(`/invoices/${bernard.invoiceId}/payments`, { means: 'cash', amountCents: 100 })).status).toBe(403);
    expect((await finance.post(`/invoices/${bernard.invoiceId}/payments`, { means: 'cheque', amountCents: 301 })).status).toBe(422);
    const paid = await finance.post(`/invoices/${bernard.invoiceId}/payments`, { means: 'cheque', amountCents: 100, reference: 'Chèque 1234567' });
    expect(await bodyOf(paid)).toMatchObject({ status: 'partially_paid', outstandingCents: 200 });
  });

  it('credits a paid invoice and refunds the excess', async () => {
    expect(
      await bodyOf(await finance.post(`/invoices/${martin.invoiceId}/credit-notes`, { amountCents: 320, reason: 'Absence signalée après facturation' })),
    ).toMatchObject({ status: 'paid', outstandingCents: -320 });
    expect((await finance.post(`/invoices/${martin.invoiceId}/refunds`, { amountCents: 321, reason: 'Trop-perçu' })).status).toBe(422);
    expect(await bodyOf(await finance.post(`/invoices/${martin.invoiceId}/refunds`, { amountCents: 320, reason: 'Trop-perçu' }))).toMatchObject({
      outstandingCents: 0,
    });
  });

  it('passes what is still unpaid after the due date to the public accountant, with an export', async () => {
    const sent = await bodyOf(await finance.post('/finance/collections', { date: '2026-05-02' }));
    expect(sent).toMatchObject({ count: 1, totalCents: 200 });
    const csv = await (await finance.get(`/finance/files/${sent.fileId}`)).text();
    expect(csv).toContain(`${bernard.number};${bernard.number.replace('-', '')};012345;`);
    expect(await eventually(async () => (await invoice(bernard.invoiceId)).status === 'sent_to_collection')).toBe(true);
    expect((await finance.post(`/invoices/${bernard.invoiceId}/payments`, { means: 'cash', amountCents: 200 })).status).toBe(422);
  });

  it('reconciles to zero difference now and at a past date, per family and in total', async () => {
    const now = await eventually(async () => {
      const r = await bodyOf(await finance.get('/finance/reconciliation'));
      return r.total.readModel.refundedCents === 320 && r;
    });
    expect(now.differences).toEqual([]);
    expect(now.total.events).toEqual({ issuedCents: 1900, creditedCents: 320, paidCents: 1700, refundedCents: 320, outstandingCents: 200 });
    const before = await bodyOf(await finance.get('/finance/reconciliation?asOf=2026-03-31'));
    expect(before.total.events.issuedCents).toBe(0);
    expect(before.differences).toEqual([]);
  });

  it('shows payments, outstanding, a family statement, the monthly collection summary and meal counts, also as CSV', async () => {
    const payments = (await bodyOf(await finance.get('/finance/payments'))).payments as Json[];
    expect(payments.map((p) => [p.means, p.amountCents, p.status]).sort()).toEqual([
      ['cheque', 100, 'recorded'],
      ['direct_debit', 300, 'reversed'],
      ['payfip', 1600, 'recorded'],
    ]);
    expect((await bodyOf(await finance.get('/finance/outstanding'))).families).toEqual([
      expect.objectContaining({ familyId: bernard.familyId, outstandingCents: 200 }),
    ]);
    const statement = await bodyOf(await finance.get(`/finance/families/${martin.familyId}/statement`));
    expect(statement.entries.map((e: Json) => e.balanceCents)).toEqual([1600, 0, -320, 0]);
    const summary = await bodyOf(await finance.get('/finance/collection-summary?month=2026-04'));
    expect(summary.byMeans).toEqual([{ means: 'payfip', count: 1, amountCents: 1600 }]);
    const meals = (await bodyOf(await finance.get('/finance/meal-counts?month=2026-03'))).counts as Json[];
    expect(meals).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ bracketCode: 'T1', cantineAUnEuro: true, meals: 3 }),
        expect.objectContaining({ bracketCode: 'T2', meals: 5 }),
      ]),
    );
    const csv = await (await finance.get('/finance/payments?format=csv')).text();
    expect(csv).toContain('Carte (PayFIP);16,00;');
  });
});
