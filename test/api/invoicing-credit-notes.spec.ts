import { FixedClock } from '#ardoise/commands';
import { DEMO_STAFF } from '#ardoise/identity';
import { GivenFacts } from '../../libs/invoicing/src/testing/given-facts.js';
import { seedDemoTown } from '#ardoise/composition';
import { overlappingRuns, textRuns } from '../support/pdf-pages.js';
import { HttpClient } from './support/http-client.js';
import { bodyOf, eventually, startTestApp, type Json, type TestApp } from './support/test-app.js';

let app: TestApp;
const clock = new FixedClock(new Date('2026-04-01T06:30:00Z'));
let finance: HttpClient;
let invoices: Json[];

async function signIn(email: string, password: string): Promise<HttpClient> {
  const client = new HttpClient(app.baseUrl);
  expect((await client.post('/auth/login', { email, password })).status).toBe(200);
  return client;
}
const detail = async (invoiceId: string) => bodyOf(await finance.get(`/invoices/${invoiceId}`));

beforeAll(async () => {
  app = await startTestApp({ clock });
  await seedDemoTown(app.app, { info: () => undefined } as never);
  const member = DEMO_STAFF.find((s) => s.role === 'finance')!;
  finance = await signIn(member.email, member.password);
  const brackets = [{ code: 'T', label: 'Tarif unique', qfFrom: 0, qfTo: null, unitPriceCents: 500 }];
  expect(
    (await finance.put('/tariffs/CANTINE', { effectiveFrom: '2025-09-01', brackets, lateBookingSurchargeCents: 0, unbookedPresenceSurchargeCents: 0 })).status,
  ).toBe(200);
  const facts = new GivenFacts(app.infrastructure.store);
  for (const email of ['claire.martin@demo.ardoise.fr', 'sami.bernard@demo.ardoise.fr']) {
    const familyId = (await bodyOf(await (await signIn(email, 'Demo-Parent-2026!')).get('/auth/me'))).familyId as string;
    const childId = String(
      await eventually(
        async () =>
          (await app.infrastructure.db.selectFrom('family_children').select('child_id').where('family_id', '=', familyId).executeTakeFirst())?.child_id,
      ),
    );
    for (const d of ['02', '03', '05', '06']) await facts.day(familyId, childId, 'CANTINE', `2026-03-${d}`).booked().write();
  }
  const run = await bodyOf(await finance.post('/billing-runs', { period: '2026-03' }));
  await eventually(async () => (await bodyOf(await finance.get(`/billing-runs/${run.runId}`))).status === 'completed');
  invoices = await eventually(async () => {
    const rows = (await bodyOf(await finance.get('/finance/invoices'))).invoices as Json[];
    return rows.length === 2 && rows;
  });
  expect(invoices.map((i) => i.totalCents)).toEqual([2000, 2000]);
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe('credit notes ("avoirs") under their own gapless yearly number', () => {
  it('numbers 16 credit notes issued at once on two invoices AV-2026-000001 to AV-2026-000016, each once, apart from the invoices', async () => {
    const requests = Array.from({ length: 16 }, (_, i) =>
      finance.post(`/invoices/${invoices[i % 2].invoiceId}/credit-notes`, { amountCents: 100, reason: `Repas non servi n° ${i + 1}` }),
    );
    const responses = await Promise.all(requests);
    expect(responses.map((r) => r.status)).toEqual(Array(16).fill(201));
    const numbers = (await Promise.all(responses.map(bodyOf))).map((b) => b.creditNote.number as string);
    expect([...numbers].sort()).toEqual(Array.from({ length: 16 }, (_, i) => `AV-2026-${String(i + 1).padStart(6, '0')}`));
    // Each invoice was credited exactly what was asked: no credit note lost or doubled.
    for (const invoice of invoices) {
      const current = await eventually(async () => {
        const d = await detail(invoice.invoiceId);
        return d.creditNotes.length === 8 && d;
      });
      expect(current.creditedCents).toBe(800);
      expect(current.creditNotes.every((c: Json) => /^AV-2026-\d{6}$/.test(c.number))).toBe(true);
    }
    // The invoices' own series goes on undisturbed.
    expect(invoices.map((i) => i.number).sort()).toEqual(['2026-000001', '2026-000002']);
  });

  it('takes no number for a credit note refused by a rule: the next one follows without a gap', async () => {
    const refused = await finance.post(`/invoices/${invoices[0].invoiceId}/credit-notes`, { amountCents: 1201, reason: 'Trop grand' });
    expect(refused.status).toBe(422);
    const next = await bodyOf(await finance.post(`/invoices/${invoices[0].invoiceId}/credit-notes`, { whole: true, reason: 'Facture annulée' }));
    expect(next).toMatchObject({ status: 'cancelled', creditNote: { number: 'AV-2026-000017' } });
  });

  it('shows the credit note number in the family statement and its CSV; the invoice PDF listing them still renders', async () => {
    const familyId = invoices[0].familyId;
    const statement = await eventually(async () => {
      const s = await bodyOf(await finance.get(`/finance/families/${familyId}/statement`));
      return s.entries.length === 10 && s;
    });
    expect(statement.entries.at(-1)).toMatchObject({ label: `Avoir AV-2026-000017 sur la facture ${invoices[0].number}`, creditCents: 1200, balanceCents: 0 });
    const csv = await (await finance.get(`/finance/families/${familyId}/statement?format=csv`)).text();
    expect(csv).toContain(`Avoir AV-2026-000017 sur la facture ${invoices[0].number};`);
    const pdf = await finance.get(`/invoices/${invoices[0].invoiceId}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
    // Nine credit notes under the total: each on its own line, none printed over another.
    const { runs } = await textRuns(new Uint8Array(await pdf.arrayBuffer()));
    expect(overlappingRuns(runs)).toEqual([]);
    expect(runs.filter((r) => /^Avoir n° AV-2026-\d{6}/.test(r.text))).toHaveLength(9);
  });
});
