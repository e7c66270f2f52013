import { sql } from 'kysely';
import { FixedClock } from '#ardoise/commands';
import { AuditedAggregates } from '#ardoise/audit';
import { streamCategory } from '#ardoise/kernel';
import { DEMO_STAFF } from '#ardoise/identity';
import { GivenFacts } from '../../libs/invoicing/src/testing/given-facts.js';
import { seedDemoTown } from '#ardoise/composition';
import { HttpClient } from './support/http-client.js';
import { bodyOf, eventually, startTestApp, type Json, type TestApp } from './support/test-app.js';

let app: TestApp;
const clock = new FixedClock(new Date('2026-04-01T06:30:00Z'));

async function signIn(email: string, password: string): Promise<HttpClient> {
  const client = new HttpClient(app.baseUrl);
  expect((await client.post('/auth/login', { email, password })).status).toBe(200);
  return client;
}
const staff = (role: string) => DEMO_STAFF.find((s) => s.role === role)!;

/**
 * The demo town, then what the API suites do to it: bookings, a basket validated, a request,
 * a news item, a monthly billing run, a credit note, a desk payment, a password change. Afterwards every stream of the log must
 * fold into a state for the auditor ("state as of a date"): no category answers
 * AUDIT.NO_STATE_MODEL.
 */
beforeAll(async () => {
  app = await startTestApp({ clock });
  await seedDemoTown(app.app, { info: () => undefined } as never);
  const finance = await signIn(staff('finance').email, staff('finance').password);
  const brackets = [{ code: 'T', label: 'Tarif unique', qfFrom: 0, qfTo: null, unitPriceCents: 500 }];
  expect(
    (await finance.put('/tariffs/CANTINE', { effectiveFrom: '2025-09-01', brackets, lateBookingSurchargeCents: 0, unbookedPresenceSurchargeCents: 0 })).status,
  ).toBe(200);
  const parent = await signIn('claire.martin@demo.ardoise.fr', 'Demo-Parent-2026!');
  const familyId = (await bodyOf(await parent.get('/auth/me'))).familyId as string;
  const childId = String(
    await eventually(
      async () => (await app.infrastructure.db.selectFrom('family_children').select('child_id').where('family_id', '=', familyId).executeTakeFirst())?.child_id,
    ),
  );
  const facts = new GivenFacts(app.infrastructure.store);
  for (const d of ['02', '03']) await facts.day(familyId, childId, 'CANTINE', `2026-03-${d}`).booked().write();
  const run = await bodyOf(await finance.post('/billing-runs', { period: '2026-03' }));
  await eventually(async () => (await bodyOf(await finance.get(`/billing-runs/${run.runId}`))).status === 'completed', 60_000);
  const [invoice] = await eventually(async () => {
    const rows = (await bodyOf(await finance.get('/finance/invoices'))).invoices as Json[];
    return rows.length === 1 && rows;
  });
  expect((await finance.post(`/invoices/${invoice!.invoiceId}/credit-notes`, { amountCents: 100, reason: 'Repas non servi' })).status).toBe(201);
  expect((await finance.post(`/invoices/${invoice!.invoiceId}/payments`, { means: 'cheque', amountCents: 100, reference: 'Chèque 1' })).status).toBe(201);
  // Later in the school year: a basket validated by the parent, a request to the town, a news item from an agent.
  clock.set(new Date('2026-12-01T09:00:00Z'));
  const line = await parent.post(`/families/${familyId}/basket/lines`, { lines: [{ childId, serviceCode: 'CANTINE', date: '2026-12-08' }] });
  expect({ status: line.status, body: line.status < 300 ? null : await bodyOf(line) }).toEqual({ status: 201, body: null });
  expect((await parent.post(`/families/${familyId}/basket/validation`, {})).status).toBeLessThan(300);
  expect((await parent.post('/requests', { topic: 'other', subject: 'Question', body: 'Bonjour.' })).status).toBe(201);
  const agent = await signIn(staff('agent').email, staff('agent').password);
  expect((await agent.post('/news', { kind: 'message', title: 'Fermeture', body: 'Le centre ferme le 1er mai.', audience: { scope: 'all' } })).status).toBe(
    201,
  );
  expect(
    (
      await parent.post('/auth/password', {
        currentPassword: 'Demo-Parent-2026!',
        newPassword: 'Demo-Parent-2027!',
        newPasswordConfirmation: 'Demo-Parent-2027!',
      })
    ).status,
  ).toBeLessThan(300);
}, 180_000);

afterAll(async () => {
  await app?.close();
});

describe('every stream category of the log can be folded by the auditor', () => {
  it('has a registered decider for each category present, and each folds into a state through the API', async () => {
    const { rows } = await sql<{ stream_id: string }>`SELECT DISTINCT stream_id FROM events`.execute(app.infrastructure.db);
    const categories = new Map<string, string[]>();
    for (const { stream_id } of rows) categories.set(streamCategory(stream_id), [...(categories.get(streamCategory(stream_id)) ?? []), stream_id]);
    // What the scenarios wrote (else this test would prove little).
    expect([...categories.keys()]).toEqual(
      expect.arrayContaining([
        'account',
        'family',
        'basket',
        'request',
        'news',
        'service',
        'calendar',
        'invoice',
        'tariff',
        'invoice_numbers',
        'credit_note_numbers',
        'billing_run',
      ]),
    );

    const aggregates = app.app.get(AuditedAggregates);
    const unfoldable: string[] = [];
    const samples = new Map<string, string>();
    for (const [category, streams] of categories) {
      for (const stream of streams) {
        try {
          samples.set(aggregates.forStream(stream).label, stream);
        } catch {
          unfoldable.push(`${category} (e.g. ${stream})`);
          break;
        }
      }
    }
    expect(unfoldable).toEqual([]);

    const auditor = await signIn(staff('auditor').email, staff('auditor').password);
    const failed: string[] = [];
    for (const [label, stream] of samples) {
      // Facts may be dated after the test clock (given facts): fold everything.
      const response = await auditor.get(`/audit/streams/${encodeURIComponent(stream)}/state?at=2100-01-01T00:00:00Z`);
      const body = await bodyOf(response);
      if (response.status !== 200 || body.revision === null || body.state === undefined)
        failed.push(`${label}: ${stream} → ${response.status} ${body.code ?? ''}`);
    }
    expect(failed).toEqual([]);
    console.log(`[audit] ${categories.size} stream categories in the log, all foldable: ${[...categories.keys()].sort().join(', ')}`);
  }, 120_000);
});
