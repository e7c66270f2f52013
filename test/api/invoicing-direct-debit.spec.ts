import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { FixedClock } from '#ardoise/commands';
import { DEMO_STAFF } from '#ardoise/identity';
import { GivenFacts } from '../../libs/invoicing/src/testing/given-facts.js';
import { seedDemoTown } from '#ardoise/composition';
import { HttpClient } from './support/http-client.js';
import { bodyOf, eventually, startTestApp, type Json, type TestApp } from './support/test-app.js';

let app: TestApp;
const clock = new FixedClock(new Date('2026-04-01T06:30:00Z'));
let finance: HttpClient;
let admin: HttpClient;
const ids = { martin: '', bernard: '' };
const BERNARD_IBAN = 'FR1420041010050500013M02606';

async function signIn(email: string, password: string): Promise<HttpClient> {
  const client = new HttpClient(app.baseUrl);
  expect((await client.post('/auth/login', { email, password })).status).toBe(200);
  return client;
}
const staff = (role: string) => {
  const member = DEMO_STAFF.find((s) => s.role === role)!;
  return signIn(member.email, member.password);
};
const mandateEvents = async (familyId: string) => {
  const found: Json[] = [];
  for await (const event of app.infrastructure.store.readStream(`family-${familyId}`))
    if (event.type === 'DirectDebitMandateSigned') found.push(event as never);
  return found;
};
const sign = (familyId: string, body: Json) =>
  finance.put(`/families/${familyId}/direct-debit-mandate`, { mandateReference: `RUM-2026-${familyId.slice(0, 6)}`, signedOn: '2026-02-01', ...body });

beforeAll(async () => {
  app = await startTestApp({ clock });
  await seedDemoTown(app.app, { info: () => undefined } as never);
  [finance, admin] = await Promise.all([staff('finance'), staff('admin')]);
  for (const [name, email] of [
    ['martin', 'claire.martin@demo.ardoise.fr'],
    ['bernard', 'sami.bernard@demo.ardoise.fr'],
  ] as const) {
    ids[name] = (await bodyOf(await (await signIn(email, 'Demo-Parent-2026!')).get('/auth/me'))).familyId;
  }
  // The family files are a read model, a few seconds behind the seed on a loaded machine.
  for (const id of Object.values(ids)) await eventually(async () => (await finance.get(`/families/${id}`)).status === 200, 30_000);
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe('the SEPA mandate holds the account to debit', () => {
  it('refuses an IBAN whose check digits are wrong, with the field error in French, and records nothing', async () => {
    const refused = await sign(ids.bernard, { iban: 'FR14 2004 1010 0505 0001 3M02 607' });
    expect(refused.status).toBe(400);
    const problem = await bodyOf(refused);
    expect(problem.errors).toEqual([{ field: 'iban', messages: [expect.stringContaining('IBAN invalide')] }]);
    expect((await sign(ids.bernard, { iban: BERNARD_IBAN, bic: 'PAS UN BIC' })).status).toBe(400);
    expect((await sign(ids.bernard, {})).status).toBe(400);
    expect(await mandateEvents(ids.bernard)).toEqual([]);
    expect((await bodyOf(await finance.get(`/families/${ids.bernard}`))).directDebitMandate.signed).toBe(false);
  });

  it('keeps the IBAN sealed in the event and shows it masked in the family file', async () => {
    expect((await sign(ids.bernard, { iban: 'fr14 2004 1010 0505 0001 3m02 606', bic: 'psstfrpp' })).status).toBe(204);
    expect((await sign(ids.martin, { iban: 'FR76 3000 1007 9412 3456 7890 185' })).status).toBe(204);
    const [event] = await mandateEvents(ids.bernard);
    expect(event!.metadata.schemaVersion).toBe(2);
    expect(JSON.stringify(event!.data)).not.toContain('20041010050500013');
    const file = await eventually(async () => {
      const f = await bodyOf(await finance.get(`/families/${ids.bernard}`));
      return f.directDebitMandate.signed && f;
    });
    expect(file.directDebitMandate).toMatchObject({ signed: true, account: 'FR14 **** **** 2606' });
  });
});

describe('the pain.008 collection file', () => {
  let invoices: Json[];

  beforeAll(async () => {
    const brackets = [{ code: 'T', label: 'Tarif unique', qfFrom: 0, qfTo: null, unitPriceCents: 410 }];
    expect(
      (await finance.put('/tariffs/CANTINE', { effectiveFrom: '2025-09-01', brackets, lateBookingSurchargeCents: 0, unbookedPresenceSurchargeCents: 0 }))
        .status,
    ).toBe(200);
    const facts = new GivenFacts(app.infrastructure.store);
    for (const familyId of [ids.martin, ids.bernard]) {
      const childId = String(
        await eventually(
          async () =>
            (await app.infrastructure.db.selectFrom('family_children').select('child_id').where('family_id', '=', familyId).executeTakeFirst())?.child_id,
        ),
      );
      for (const d of ['02', '03', '05']) await facts.day(familyId, childId, 'CANTINE', `2026-03-${d}`).booked().write();
    }
    await eventually(async () => (await app.infrastructure.db.selectFrom('invoicing_mandates').select('family_id').execute()).length === 2);
    const run = await bodyOf(await finance.post('/billing-runs', { period: '2026-03' }));
    await eventually(async () => (await bodyOf(await finance.get(`/billing-runs/${run.runId}`))).status === 'completed');
    invoices = await eventually(async () => {
      const rows = (await bodyOf(await finance.get('/finance/invoices'))).invoices as Json[];
      return rows.length === 2 && rows;
    });
  }, 60_000);

  it('debits the account of the mandate, and skips, saying why, a family forgotten since (its IBAN is unreadable)', async () => {
    const martin = invoices.find((i) => i.familyId === ids.martin)!;
    const bernard = invoices.find((i) => i.familyId === ids.bernard)!;
    expect((await admin.delete(`/admin/families/${ids.martin}`)).status).toBe(204);
    clock.set(new Date('2026-05-01T08:00:00Z'));

    const batch = await bodyOf(await finance.post('/finance/direct-debits', { date: '2026-05-01' }));
    expect(batch).toMatchObject({ count: 1, totalCents: 1230, invoices: [bernard.number], skipped: [{ number: martin.number, reason: 'erased' }] });
    expect(batch.report).toEqual([
      expect.stringMatching(new RegExp(`^Facture ${martin.number} non prélevée : les données bancaires de la famille ont été effacées \\(RGPD\\)`)),
    ]);

    const xml = await (await finance.get(`/finance/files/${batch.fileId}`)).text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => name === 'DrctDbtTxInf' });
    const doc = parser.parse(xml).Document;
    expect(doc['@_xmlns']).toBe('urn:iso:std:iso:20022:tech:xsd:pain.008.001.02');
    const { GrpHdr, PmtInf } = doc.CstmrDrctDbtInitn;
    expect(GrpHdr).toMatchObject({ MsgId: expect.any(String), NbOfTxs: '1', CtrlSum: '12.30' });
    expect(PmtInf).toMatchObject({ PmtMtd: 'DD', NbOfTxs: '1', CtrlSum: '12.30', ReqdColltnDt: '2026-05-01', PmtTpInf: { LclInstrm: { Cd: 'CORE' } } });
    expect(PmtInf.CdtrAcct.Id.IBAN).toEqual(expect.any(String));
    expect(PmtInf.DrctDbtTxInf).toHaveLength(1);
    const [transaction] = PmtInf.DrctDbtTxInf;
    expect(transaction).toMatchObject({
      PmtId: { EndToEndId: bernard.number },
      InstdAmt: { '#text': '12.30', '@_Ccy': 'EUR' },
      DrctDbtTx: { MndtRltdInf: { MndtId: `RUM-2026-${ids.bernard.slice(0, 6)}`, DtOfSgntr: '2026-02-01' } },
      DbtrAgt: { FinInstnId: { BIC: 'PSSTFRPP' } },
      DbtrAcct: { Id: { IBAN: BERNARD_IBAN } },
    });
    // Only what is in the file is recorded as collected.
    expect(await eventually(async () => (await bodyOf(await finance.get(`/invoices/${bernard.invoiceId}`))).status === 'paid')).toBe(true);
    expect((await bodyOf(await finance.get(`/invoices/${martin.invoiceId}`))).status).toBe('issued');
  });

  it('tells the family its debit is « programmé » when the file is made, never « paiement reçu » before the bank collects', async () => {
    const bernard = invoices.find((i) => i.familyId === ids.bernard)!;
    const mails = (template: string) =>
      app.infrastructure.db
        .selectFrom('mail_outbox')
        .select(['subject', 'text'])
        .where('template', '=', template)
        .where('family_id', '=', ids.bernard)
        .execute();
    const [scheduled, ...others] = await eventually(async () => {
      const rows = await mails('direct-debit-scheduled');
      return rows.length > 0 && rows;
    });
    expect(others).toEqual([]);
    expect(scheduled!.subject).toBe(`Prélèvement programmé pour la facture ${bernard.number}`);
    expect(scheduled!.text).toMatch(/Le prélèvement de 12,30\s€ pour la facture n° .* est programmé : il sera présenté à votre banque le vendredi 1 mai 2026/);
    expect(await mails('payment-received')).toEqual([]);
  });
});
