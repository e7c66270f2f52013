import { FixedClock } from '#ardoise/commands';
import { seedDemoTown } from '#ardoise/composition';
import { childrenOf, signInParent, signInStaff } from './reservations-world.js';
import type { HttpClient } from './support/http-client.js';
import { bodyOf, eventually, startTestApp, type Json, type TestApp } from './support/test-app.js';

// Tuesday 1 December 2026, 10:00 in Paris: November is over and may be billed.
const clock = new FixedClock(new Date('2026-12-01T09:00:00Z'));
const DAY = '2026-11-30'; // a past Monday: only an agent can still book it (catch-up)
let app: TestApp;
let agent: HttpClient;
let finance: HttpClient;
let auditor: HttpClient;
let parent: HttpClient;
let familyId: string;
let run: Json; // November's billing run
const silentLogger = { info: () => undefined } as never;
const eventCount = async () =>
  Number(
    (await app.infrastructure.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst())!.n,
  );
const expectProblem400 = async (response: Response) => {
  expect(response.status).toBe(400);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  expect((await bodyOf(response)).title).toMatch(/[éèà]|invalide|requête/i);
};

beforeAll(async () => {
  app = await startTestApp({ clock });
  await seedDemoTown(app.app, silentLogger);
  [agent, finance, auditor] = await Promise.all([signInStaff(app, 'agent'), signInStaff(app, 'finance'), signInStaff(app, 'auditor')]);
  ({ client: parent, familyId } = await signInParent(app, 'claire.martin@demo.ardoise.fr'));
  const [{ child_id: lea }, { child_id: hugo }] = await childrenOf(app.infrastructure.db, familyId, 2);
  await eventually(async () => (await app.infrastructure.db.selectFrom('catalogue_services').select('code').execute()).length >= 5);
  // Léa: the agent catches up a forgotten booking (default: no surcharge). Hugo: the agent says the surcharge applies.
  for (const [childId, body] of [
    [lea, { overrideReason: 'Repas servi, inscription oubliée' }],
    [hugo, { overrideReason: 'Inscription hors délai demandée par la famille', lateSurcharge: true }],
  ] as const) {
    expect((await agent.post(`/families/${familyId}/basket/lines`, { lines: [{ childId, serviceCode: 'CANTINE', date: DAY }] })).status).toBe(201);
    const validated = await bodyOf(await agent.post(`/families/${familyId}/basket/validation`, body));
    expect(validated.lines[0]).toMatchObject({ outcome: 'validated' });
  }
}, 120_000);
afterAll(async () => {
  await app?.close();
});

describe('billing a month from the finance office', () => {
  let preview: Json;

  it('previews the month without writing anything: invoices, total, families skipped and why', async () => {
    const before = await eventCount();
    const response = await finance.get('/billing-previews?period=2026-11');
    expect(response.status).toBe(200);
    preview = await bodyOf(response);
    expect(preview).toMatchObject({ period: '2026-11', invoices: expect.any(Number), totalCents: expect.any(Number) });
    expect(preview.invoices).toBeGreaterThanOrEqual(1);
    expect(preview.families).toBe(preview.invoices + preview.skipped.length);
    expect(await eventCount()).toBe(before);
    expect((await app.infrastructure.db.selectFrom('invoicing_billing_runs').selectAll().execute()).length).toBe(0);
  });

  it('runs the month as previewed, and a second preview says every family is already invoiced', async () => {
    const started = await finance.post('/billing-runs', { period: '2026-11' });
    expect(started.status).toBe(202);
    const { runId } = await bodyOf(started);
    run = await eventually(async () => {
      const progress = await bodyOf(await finance.get(`/billing-runs/${runId}`));
      return progress.status !== 'running' && progress;
    }, 30_000);
    expect(run).toMatchObject({ status: 'completed', issued: preview.invoices, amountCents: preview.totalCents, failed: 0 });
    const again = await bodyOf(await finance.get('/billing-previews?period=2026-11'));
    expect(again).toMatchObject({ invoices: 0, totalCents: 0 });
    expect(again.skippedByReason.already_invoiced).toBe(preview.invoices);
  });

  it('bills an agent’s catch-up booking without the « Majoration hors délai » unless the agent said it applies', async () => {
    const invoices = await eventually(async () => {
      const list = (await bodyOf(await finance.get('/finance/invoices?period=2026-11'))).invoices as Json[];
      return list.length === run.issued && list;
    });
    const own = invoices.find((i) => i.familyId === familyId)!;
    const detail = await bodyOf(await finance.get(`/invoices/${own.invoiceId}`));
    const surcharges = (detail.lines as Json[]).filter((l) => l.kind === 'late_booking_surcharge');
    expect(surcharges.map((l) => [l.serviceCode, l.days])).toEqual([['CANTINE', 1]]); // Hugo's only, not Léa's
  });

  it('lets the auditor preview, refuses a parent, and answers a malformed month with a French problem', async () => {
    expect((await auditor.get('/billing-previews?period=2026-11')).status).toBe(200);
    expect((await parent.get('/billing-previews?period=2026-11')).status).toBe(403);
    await expectProblem400(await finance.get('/billing-previews?period=2026-13'));
    await expectProblem400(await finance.get('/billing-previews'));
  });
});

describe('the finance dashboard', () => {
  it('shows the month billed, the open invoices by age and the channels, from the read models', async () => {
    const dashboard = await bodyOf(await finance.get('/finance/dashboard?from=2026-09&to=2026-12'));
    expect(dashboard.billedCollected.map((m: Json) => m.month)).toEqual(['2026-09', '2026-10', '2026-11', '2026-12']);
    // November is billed on 1 December (issue date).
    expect(dashboard.billedCollected.find((m: Json) => m.month === '2026-12').billedCents).toBeGreaterThanOrEqual(run.amountCents);
    expect(dashboard.outstandingByAge.map((b: Json) => b.bucket)).toEqual(['not_due', 'd0_30', 'd31_60', 'd61_90', 'over_90']);
    expect(dashboard.outstandingByAge[0].outstandingCents).toBeGreaterThanOrEqual(run.amountCents);
    expect(dashboard.paymentsByChannel.map((c: Json) => c.channel)).toEqual(['payfip', 'direct_debit', 'desk']);
    const cantine = dashboard.occupancy.find((s: Json) => s.serviceCode === 'CANTINE');
    expect(cantine.booked).toBeGreaterThanOrEqual(2);
  });

  it('exports each chart as a French CSV, and refuses an unknown chart, a reversed period, and a parent', async () => {
    const csv = await finance.get('/finance/dashboard?from=2026-11&to=2026-12&format=csv&chart=billed-collected');
    expect(csv.status).toBe(200);
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe('Mois;Facturé (€);Avoirs (€);Encaissé (€)');
    expect(text).toMatch(/2026-12;\d[\d ]*,\d\d;/);
    await expectProblem400(await finance.get('/finance/dashboard?format=csv&chart=camembert'));
    await expectProblem400(await finance.get('/finance/dashboard?from=2026-12&to=2026-01'));
    expect((await auditor.get('/finance/dashboard')).status).toBe(200);
    expect((await parent.get('/finance/dashboard')).status).toBe(403);
  });
});

describe('reconciliation', () => {
  it('finds no difference between the read models and the events, then lists the event behind a row edited on purpose', async () => {
    const clean = await bodyOf(await finance.get('/finance/reconciliation'));
    expect(clean.differences).toEqual([]);
    expect(clean.explanations).toEqual([]);
    const row = await app.infrastructure.db
      .selectFrom('invoicing_ledger')
      .select(['event_id', 'amount_cents', 'family_id'])
      .where('kind', '=', 'issued')
      .where('family_id', '=', familyId)
      .executeTakeFirstOrThrow();
    await app.infrastructure.db
      .updateTable('invoicing_ledger')
      .set({ amount_cents: row.amount_cents + 100 })
      .where('event_id', '=', row.event_id)
      .execute();
    try {
      const broken = await bodyOf(await finance.get('/finance/reconciliation'));
      expect(broken.differences).toEqual(
        expect.arrayContaining([{ familyId, field: 'issuedCents', readModelCents: expect.any(Number), eventsCents: expect.any(Number) }]),
      );
      expect(broken.explanations).toEqual([
        expect.objectContaining({
          familyId,
          eventId: row.event_id,
          eventType: 'InvoiceIssued',
          problem: 'amount_differs',
          eventsEntry: { kind: 'issued', amountCents: row.amount_cents },
          readModelEntry: { kind: 'issued', amountCents: row.amount_cents + 100 },
        }),
      ]);
      const csv = await (await finance.get('/finance/reconciliation?format=csv&view=differences')).text();
      expect(csv).toContain(row.event_id);
      expect(csv).toContain('Montant différent dans les tables de lecture');
    } finally {
      await app.infrastructure.db.updateTable('invoicing_ledger').set({ amount_cents: row.amount_cents }).where('event_id', '=', row.event_id).execute();
    }
    await expectProblem400(await finance.get('/finance/reconciliation?asOf=hier'));
    expect((await parent.get('/finance/reconciliation')).status).toBe(403);
  });
});
