import { FixedClock } from '#ardoise/commands';
import { DEMO_STAFF } from '#ardoise/identity';
import { GivenFacts } from '../../libs/invoicing/src/testing/given-facts.js';
import { seedDemoTown } from '#ardoise/composition';
import { overlappingRuns, textRuns } from '../support/pdf-pages.js';
import { HttpClient } from './support/http-client.js';
import { bodyOf, eventually, startTestApp, type Json, type TestApp } from './support/test-app.js';

let app: TestApp;
const clock = new FixedClock(new Date('2026-04-01T06:30:00Z')); // 1 April, 08:30 in Paris
const silentLogger = { info: () => undefined } as never;
let finance: HttpClient;
const base: Record<string, number> = {};
const family: Record<'martin' | 'bernard', { id: string; children: string[]; parent: HttpClient }> = {} as never;

async function signIn(email: string, password: string): Promise<HttpClient> {
  const client = new HttpClient(app.baseUrl);
  expect((await client.post('/auth/login', { email, password })).status).toBe(200);
  return client;
}
const staff = (role: string) => DEMO_STAFF.find((s) => s.role === role)!;
const grid = (t1: number, t2: number, t3: number, cantineAUnEuro = false) => [
  { code: 'T1', label: 'QF de 0 à 500 €', qfFrom: 0, qfTo: 500, unitPriceCents: t1, cantineAUnEuro },
  { code: 'T2', label: 'QF de 501 à 1 000 €', qfFrom: 501, qfTo: 1000, unitPriceCents: t2 },
  { code: 'T3', label: 'QF au-delà de 1 000 € ou non fourni', qfFrom: 1001, qfTo: null, unitPriceCents: t3 },
];

async function runBilling(period: string): Promise<Json> {
  const started = await finance.post('/billing-runs', { period });
  expect(started.status).toBe(202);
  const { runId } = await bodyOf(started);
  expect(started.headers.get('location')).toBe(`/api/v1/billing-runs/${runId}`);
  return eventually(async () => {
    const progress = await bodyOf(await finance.get(`/billing-runs/${runId}`));
    return progress.status !== 'running' && progress;
  });
}

beforeAll(async () => {
  app = await startTestApp({ clock });
  await seedDemoTown(app.app, silentLogger);
  finance = await signIn(staff('finance').email, staff('finance').password);
  for (const [name, email] of [
    ['martin', 'claire.martin@demo.ardoise.fr'],
    ['bernard', 'sami.bernard@demo.ardoise.fr'],
  ] as const) {
    const parent = await signIn(email, 'Demo-Parent-2026!');
    const id = (await bodyOf(await parent.get('/auth/me'))).familyId as string;
    const children = await eventually(async () => {
      const rows = await app.infrastructure.db.selectFrom('family_children').select('child_id').where('family_id', '=', id).orderBy('child_id').execute();
      return rows.length > 0 && rows.map((r) => String(r.child_id));
    });
    family[name] = { id, children, parent };
  }

  const put = async (code: string, body: Json) => expect((await finance.put(`/tariffs/${code}`, body)).status).toBe(200);
  // The demo town has its own grids (version 1): the ones set here come after them.
  const seeded = (await bodyOf(await finance.get('/tariffs'))).tariffs as Json[];
  for (const code of ['CANTINE', 'SOIR']) base[code] = seeded.filter((t) => t.serviceCode === code).length;
  await put('CANTINE', {
    effectiveFrom: '2025-09-01',
    brackets: grid(100, 320, 450, true),
    lateBookingSurchargeCents: 100,
    unbookedPresenceSurchargeCents: 200,
  });
  await put('CANTINE', {
    effectiveFrom: '2026-03-16',
    brackets: grid(100, 340, 480, true),
    lateBookingSurchargeCents: 100,
    unbookedPresenceSurchargeCents: 200,
  });
  await put('SOIR', { effectiveFrom: '2025-09-01', brackets: grid(80, 150, 220), lateBookingSurchargeCents: 50, unbookedPresenceSurchargeCents: 300 });

  const facts = new GivenFacts(app.infrastructure.store);
  const m = family.martin;
  const léa = m.children[0];
  // Martin: QF 750 until 15 March, then no valid proof (highest bracket).
  await facts.quotient({ familyId: m.id, amount: 750, validFrom: '2025-09-01', validUntil: '2026-03-15', proofReference: 'CAF-2025' });
  await facts.day(m.id, léa, 'CANTINE', '2026-03-02').booked().attended('present').write();
  await facts.day(m.id, léa, 'CANTINE', '2026-03-03').booked().attended('present').write();
  await facts.day(m.id, léa, 'CANTINE', '2026-03-05').booked().attended('absent').justified().write();
  await facts.day(m.id, léa, 'CANTINE', '2026-03-06').booked().attended('absent').write();
  await facts.day(m.id, léa, 'CANTINE', '2026-03-16').booked().attended('present').write();
  await facts.day(m.id, léa, 'CANTINE', '2026-03-17').late().booked().attended('present').write();
  await facts.day(m.id, léa, 'SOIR', '2026-03-02').booked().attended('present').write();
  await facts.day(m.id, léa, 'SOIR', '2026-03-03').attended('present_unbooked').write();
  await facts.day(m.id, léa, 'SOIR', '2026-03-09').booked().cancelled().write();
  // Bernard: QF 420, "cantine à 1 €".
  const b = family.bernard;
  await facts.quotient({ familyId: b.id, amount: 420, validFrom: '2025-09-01', validUntil: '2026-08-31', proofReference: 'CAF-2025-B' });
  for (const date of ['2026-03-02', '2026-03-03', '2026-03-05']) await facts.day(b.id, b.children[0], 'CANTINE', date).booked().write();
  await eventually(async () => {
    const row = await app.infrastructure.db
      .selectFrom('invoicing_billable_days')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirst();
    const justified = await app.infrastructure.db.selectFrom('invoicing_billable_days').select('date').where('absence_justified', '=', true).executeTakeFirst();
    return Number(row?.n) === 12 && !!justified;
  });
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe('the monthly billing run', () => {
  let invoices: Json[];

  it('bills each family once, with known totals, numbered without gaps', async () => {
    const run = await runBilling('2026-03');
    expect(run).toMatchObject({ status: 'completed', total: 2, done: 2, issued: 2, failed: 0, amountCents: 2620 + 300 });
    invoices = await eventually(async () => {
      const list = (await bodyOf(await finance.get('/finance/invoices?period=2026-03'))).invoices as Json[];
      return list.length === 2 && list;
    });
    const martin = invoices.find((i) => i.familyId === family.martin.id)!;
    const bernard = invoices.find((i) => i.familyId === family.bernard.id)!;
    expect(martin).toMatchObject({
      totalCents: 2620,
      outstandingCents: 2620,
      status: 'issued',
      statusLabel: 'En cours',
      issuedOn: '2026-04-01',
      dueDate: '2026-05-01',
    });
    expect(bernard.totalCents).toBe(300);
    expect(invoices.map((i) => i.number).sort()).toEqual(['2026-000001', '2026-000002']);
    expect(martin.payfipReference).toBe(martin.number.replace('-', ''));
  });

  it('records the lines, each with the tariff version and the QF bracket applied', async () => {
    const martin = invoices.find((i) => i.familyId === family.martin.id)!;
    const detail = await bodyOf(await finance.get(`/invoices/${martin.invoiceId}`));
    expect(detail.lines.map((l: Json) => [l.serviceCode, l.kind, l.tariffVersion - base[l.serviceCode], l.bracketCode, l.days, l.amountCents])).toEqual([
      ['CANTINE', 'service', 1, 'T2', 4, 1280],
      ['CANTINE', 'justified_absence_credit', 1, 'T2', 1, -320],
      ['CANTINE', 'service', 2, 'T3', 2, 960],
      ['CANTINE', 'late_booking_surcharge', 2, 'T3', 1, 100],
      ['SOIR', 'service', 1, 'T2', 2, 300],
      ['SOIR', 'unbooked_presence_surcharge', 1, 'T2', 1, 300],
    ]);
  });

  it('issues nothing when the month is run again', async () => {
    const again = await runBilling('2026-03');
    expect(again).toMatchObject({ status: 'completed', issued: 0, skipped: 2 });
    const list = (await bodyOf(await finance.get('/finance/invoices?period=2026-03'))).invoices as Json[];
    expect(list).toHaveLength(2);
  });

  it('refuses to bill a month that is not over, and a malformed month', async () => {
    const current = await finance.post('/billing-runs', { period: '2026-04' });
    expect(current.status).toBe(422);
    expect((await bodyOf(current)).code).toBe('BILLING.MONTH_NOT_OVER');
    expect((await finance.post('/billing-runs', { period: '2026-13' })).status).toBe(400);
  });

  it('lets a parent read only their own invoices and PDFs', async () => {
    const { parent, id } = family.martin;
    const own = await bodyOf(await parent.get(`/families/${id}/invoices`));
    expect(own.current).toHaveLength(1);
    expect(own.settled).toHaveLength(0);
    const mine = own.current[0];
    const pdf = await parent.get(`/invoices/${mine.invoiceId}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    expect(Buffer.from(bytes).subarray(0, 5).toString()).toBe('%PDF-');
    expect(overlappingRuns((await textRuns(bytes)).runs)).toEqual([]);

    const theirs = invoices.find((i) => i.familyId === family.bernard.id)!;
    expect((await parent.get(`/families/${family.bernard.id}/invoices`)).status).toBe(404);
    expect((await parent.get(`/invoices/${theirs.invoiceId}`)).status).toBe(404);
    expect((await parent.get(`/invoices/${theirs.invoiceId}/pdf`)).status).toBe(404);
    expect((await parent.get('/finance/invoices')).status).toBe(403);
    expect((await parent.post('/billing-runs', { period: '2026-03' })).status).toBe(403);
  }, 30_000);

  it('lets the auditor read every invoice but not run billing', async () => {
    const auditor = await signIn(staff('auditor').email, staff('auditor').password);
    expect(((await bodyOf(await auditor.get('/finance/invoices'))).invoices as Json[]).length).toBe(2);
    expect((await auditor.post('/billing-runs', { period: '2026-03' })).status).toBe(403);
  });

  it('exports invoices as a French CSV', async () => {
    const response = await finance.get('/finance/invoices?period=2026-03&format=csv');
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const text = Buffer.from(await response.arrayBuffer()).toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('Numéro;Famille;Mois;Émise le;Échéance;Montant (€)');
    expect(text).toContain(';01/04/2026;01/05/2026;26,20;');
  });
});
