import { FixedClock } from '#ardoise/commands';
import { DEMO_STAFF } from '#ardoise/identity';
import { GivenFacts } from '../../libs/invoicing/src/testing/given-facts.js';
import { seedDemoTown } from '#ardoise/composition';
import { HttpClient } from './support/http-client.js';
import { bodyOf, eventually, startTestApp, type Json, type TestApp } from './support/test-app.js';

let app: TestApp;
const clock = new FixedClock(new Date('2026-04-01T06:30:00Z'));
const PARENT = 'claire.martin@demo.ardoise.fr';
let finance: HttpClient;
let admin: HttpClient;
let agent: HttpClient;
let invoice: Json;

async function signIn(email: string, password: string): Promise<HttpClient> {
  const client = new HttpClient(app.baseUrl);
  expect((await client.post('/auth/login', { email, password })).status).toBe(200);
  return client;
}
const staff = (role: string) => {
  const member = DEMO_STAFF.find((s) => s.role === role)!;
  return signIn(member.email, member.password);
};
/** The outbox rows of one kind of e-mail, with the event each came from (its dedupe key). */
const mails = (template: string) =>
  app.infrastructure.db.selectFrom('mail_outbox').select(['id', 'to', 'subject', 'text', 'dedupe_key', 'family_id']).where('template', '=', template).execute();
const eventIdOf = async (type: string, streamId: string) => {
  for await (const event of app.infrastructure.store.readStream(streamId)) if (event.type === type) return event.id;
  throw new Error(`no ${type} in ${streamId}`);
};

beforeAll(async () => {
  app = await startTestApp({ clock });
  await seedDemoTown(app.app, { info: () => undefined } as never);
  [finance, admin, agent] = await Promise.all([staff('finance'), staff('admin'), staff('agent')]);
  const parent = await signIn(PARENT, 'Demo-Parent-2026!');
  const familyId = (await bodyOf(await parent.get('/auth/me'))).familyId as string;
  const childId = String(
    await eventually(
      async () => (await app.infrastructure.db.selectFrom('family_children').select('child_id').where('family_id', '=', familyId).executeTakeFirst())?.child_id,
    ),
  );
  const brackets = [{ code: 'T', label: 'Tarif unique', qfFrom: 0, qfTo: null, unitPriceCents: 325 }];
  expect(
    (await finance.put('/tariffs/CANTINE', { effectiveFrom: '2025-09-01', brackets, lateBookingSurchargeCents: 0, unbookedPresenceSurchargeCents: 0 })).status,
  ).toBe(200);
  const facts = new GivenFacts(app.infrastructure.store);
  for (const d of ['02', '03', '05', '06']) await facts.day(familyId, childId, 'CANTINE', `2026-03-${d}`).booked().write();
  const started = await bodyOf(await finance.post('/billing-runs', { period: '2026-03' }));
  await eventually(async () => (await bodyOf(await finance.get(`/billing-runs/${started.runId}`))).status === 'completed');
  invoice = await eventually(async () => ((await bodyOf(await finance.get('/finance/invoices'))).invoices as Json[])[0]);
  expect(invoice.totalCents).toBe(1300);
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe('the e-mails of invoicing', () => {
  it('tells the family its invoice is available: one e-mail to its login, amount and due date in French, a link to Mes factures', async () => {
    const [mail, ...others] = await eventually(async () => {
      const rows = await mails('invoice-available');
      return rows.length > 0 && rows;
    });
    expect(others).toEqual([]);
    expect(mail).toMatchObject({ to: PARENT, family_id: invoice.familyId, dedupe_key: await eventIdOf('InvoiceIssued', `invoice-${invoice.invoiceId}`) });
    expect(mail!.subject).toBe(`Votre facture ${invoice.number} est disponible`);
    expect(mail!.text).toContain('(mars 2026) d’un montant de 13,00');
    expect(invoice.dueDate).toBe('2026-05-01');
    expect(mail!.text).toContain('À régler avant le vendredi 1 mai 2026');
    expect(mail!.text).toContain(`${app.infrastructure.config.publicUrl}/factures`);
    // Staff read it in the outbox as it was (or will be) sent.
    const listed = await bodyOf(await agent.get(`/outbox?to=${PARENT}`));
    expect(listed.items.map((m: Json) => m.subject)).toContain(`Votre facture ${invoice.number} est disponible`);
  });

  it('acknowledges a payment: one e-mail with the amount, the means and the invoice number', async () => {
    const paid = await finance.post(`/invoices/${invoice.invoiceId}/payments`, {
      means: 'cheque',
      amountCents: 500,
      paidOn: '2026-04-01',
      reference: 'Chèque 7654321',
    });
    expect(paid.status).toBe(201);
    const [mail, ...others] = await eventually(async () => {
      const rows = await mails('payment-received');
      return rows.length > 0 && rows;
    });
    expect(others).toEqual([]);
    expect(mail).toMatchObject({ to: PARENT, dedupe_key: await eventIdOf('PaymentRecorded', `invoice-${invoice.invoiceId}`) });
    expect(mail!.subject).toBe(`Paiement reçu pour la facture ${invoice.number}`);
    expect(mail!.text).toMatch(new RegExp(`votre paiement de 5,00\\s€ le mercredi 1 avril 2026 \\(chèque\\) pour la facture n° ${invoice.number}\\.`));
  });

  it('sends nothing twice after the notifications are rebuilt from the whole log', async () => {
    const started = await admin.post('/audit/rebuilds', { projection: 'notifications' });
    expect(started.status).toBe(202);
    const job = await bodyOf(started);
    const done = await eventually(async () => {
      const current = await bodyOf(await admin.get(`/audit/jobs/${job.id}`));
      return current.status !== 'running' && current;
    }, 60_000);
    expect(done).toMatchObject({ status: 'succeeded' });
    expect(done.result.generations.notifications).toBeGreaterThan(1); // really replayed from the start
    expect(await mails('invoice-available')).toHaveLength(1);
    expect(await mails('payment-received')).toHaveLength(1);
  });
});
