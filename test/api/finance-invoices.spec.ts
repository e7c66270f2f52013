import { FixedClock } from '#ardoise/commands';
import type { RecordedEvent } from '#ardoise/event-store';
import { DEMO_STAFF } from '#ardoise/identity';
import { GivenFacts } from '../../libs/invoicing/src/testing/given-facts.js';
import { seedDemoTown } from '#ardoise/composition';
import { HttpClient } from './support/http-client.js';
import { bodyOf, eventually, startTestApp, type Json, type TestApp } from './support/test-app.js';

let app: TestApp;
const clock = new FixedClock(new Date('2026-04-01T06:30:00Z'));
let finance: HttpClient;
let auditor: HttpClient;
let parent: HttpClient;
let agent: HttpClient;
let martin: { familyId: string; childId: string; invoice: Json };
let bernard: { familyId: string; childId: string; invoice: Json };

async function signIn(email: string, password: string): Promise<HttpClient> {
  const client = new HttpClient(app.baseUrl);
  expect((await client.post('/auth/login', { email, password })).status).toBe(200);
  return client;
}
const staff = (role: string) => {
  const member = DEMO_STAFF.find((s) => s.role === role)!;
  return signIn(member.email, member.password);
};
async function streamOf(streamId: string): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of app.infrastructure.store.readStream(streamId)) events.push(event);
  return events;
}
const invoiceOf = async (invoiceId: string) => bodyOf(await finance.get(`/invoices/${invoiceId}`));
async function expectProblem(response: Response, status: number): Promise<Json> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  return bodyOf(response);
}

beforeAll(async () => {
  app = await startTestApp({ clock });
  await seedDemoTown(app.app, { info: () => undefined } as never);
  finance = await staff('finance');
  auditor = await staff('auditor');
  agent = await staff('agent');
  const brackets = [
    { code: 'T1', label: 'QF jusqu’à 700 €', qfFrom: 0, qfTo: 700, unitPriceCents: 300 },
    { code: 'T2', label: 'QF au-delà de 700 €', qfFrom: 701, qfTo: null, unitPriceCents: 500 },
  ];
  expect(
    (await finance.put('/tariffs/CANTINE', { effectiveFrom: '2025-09-01', brackets, lateBookingSurchargeCents: 100, unbookedPresenceSurchargeCents: 200 }))
      .status,
  ).toBe(200);
  const facts = new GivenFacts(app.infrastructure.store);
  const familyOf = async (email: string) => {
    const client = await signIn(email, 'Demo-Parent-2026!');
    const familyId = (await bodyOf(await client.get('/auth/me'))).familyId as string;
    const childId = String(
      await eventually(
        async () =>
          (await app.infrastructure.db.selectFrom('family_children').select('child_id').where('family_id', '=', familyId).executeTakeFirst())?.child_id,
      ),
    );
    return { client, familyId, childId };
  };
  const m = await familyOf('claire.martin@demo.ardoise.fr');
  const b = await familyOf('sami.bernard@demo.ardoise.fr');
  parent = m.client;
  await facts.quotient({ familyId: m.familyId, amount: 650, validFrom: '2025-09-01', validUntil: '2026-08-31', proofReference: 'CAF-2025' });
  await facts.day(m.familyId, m.childId, 'CANTINE', '2026-03-02').booked().attended('present').write();
  await facts.day(m.familyId, m.childId, 'CANTINE', '2026-03-03').late().booked().write();
  await facts.day(m.familyId, m.childId, 'CANTINE', '2026-03-05').booked().justified().write();
  await facts.day(m.familyId, m.childId, 'CANTINE', '2026-03-06').attended('present_unbooked').write();
  await facts.day(m.familyId, m.childId, 'CANTINE', '2026-03-09').booked().cancelled().write();
  await facts.day(b.familyId, b.childId, 'CANTINE', '2026-03-02').booked().write();
  await facts.mandate({ familyId: b.familyId, mandateReference: 'RUM-BERNARD-1', signedOn: '2026-01-10' });
  // The run reads billing's read model, a little behind the facts just written: run again
  // until both families are billed (a re-run never bills twice).
  const invoices = await eventually(async () => {
    const run = await bodyOf(await finance.post('/billing-runs', { period: '2026-03' }));
    await eventually(async () => (await bodyOf(await finance.get(`/billing-runs/${run.runId}`))).status === 'completed', 30_000);
    const rows = (await bodyOf(await finance.get('/finance/invoices?period=2026-03'))).invoices as Json[];
    return rows.length === 2 && rows;
  }, 60_000);
  martin = { ...m, invoice: invoices.find((i) => i.familyId === m.familyId)! };
  bernard = { ...b, invoice: invoices.find((i) => i.familyId === b.familyId)! };
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe('« Pourquoi ce montant ? »: each invoice line traced to its events, tariff version and QF', () => {
  it('ties the service line to the bookings of its days, the grid version and the QF event the bracket came from', async () => {
    const explanation = await bodyOf(await finance.get(`/finance/invoices/${martin.invoice.invoiceId}/explanation`));
    expect(explanation).toMatchObject({ number: martin.invoice.number, period: '2026-03', totalCents: martin.invoice.totalCents });
    expect(explanation.issuedEvent).toMatchObject({ type: 'InvoiceIssued', streamId: `invoice-${martin.invoice.invoiceId}` });
    const service = (explanation.lines as Json[]).find((l) => l.kind === 'service')!;
    // 02, 03 and 05 booked, 06 present without booking: four days at the T1 price (QF 650).
    const tariffEvent = (await streamOf('tariff-CANTINE')).at(-1)!; // the demo seed's grid, then this test's
    expect(service).toMatchObject({
      days: 4,
      unitPriceCents: 300,
      tariff: { version: (tariffEvent.data as Json).version, effectiveFrom: '2025-09-01', bracket: { code: 'T1', qfFrom: 0, qfTo: 700 } },
      quotient: { amount: 650 },
    });
    expect(service.dates.map((d: Json) => d.date)).toEqual(['2026-03-02', '2026-03-03', '2026-03-05', '2026-03-06']);
    // The decisive event of 2 March is that day's validation, as the log holds it.
    const day = (await streamOf('service_day-CANTINE-2026-03-02')).filter((e) => (e.data as Json).childId === martin.childId);
    const validated = day.find((e) => e.type === 'ReservationValidated')!;
    const shown = service.dates[0].events as Json[];
    expect(shown.map((e) => e.type)).toEqual(['ReservationValidated', 'AttendanceRecorded']);
    expect(shown[0]).toMatchObject({
      eventId: validated.id,
      streamId: 'service_day-CANTINE-2026-03-02',
      revision: Number(validated.revision),
      decisive: true,
      data: { reservationId: (validated.data as Json).reservationId, childId: martin.childId, date: '2026-03-02' },
    });
    expect(shown[1]).toMatchObject({ decisive: false, data: { status: 'present' } });
    expect(service.tariff.event).toMatchObject({ eventId: tariffEvent.id, type: 'TariffSet' });
    expect(service.quotient.event).toMatchObject({ type: 'QuotientFamilialSet', streamId: `family-${martin.familyId}`, data: { amount: 650 } });
    expect(service.quotient.event.data.proofReference).toBeUndefined();
    const csv = await (await finance.get(`/finance/invoices/${martin.invoice.invoiceId}/explanation?format=csv`)).text();
    expect(csv).toContain(`;02/03/2026;ReservationValidated;Réservation validée pour le 02/03/2026;oui;service_day-CANTINE-2026-03-02;`);
    // The cancelled day of 9 March is on no line.
    expect((explanation.lines as Json[]).flatMap((l) => l.dates.map((d: Json) => d.date))).not.toContain('2026-03-09');
  });

  it('shows the override behind a late surcharge, the mark behind an unbooked presence, and the certificate without its reference', async () => {
    const lines = (await bodyOf(await finance.get(`/finance/invoices/${martin.invoice.invoiceId}/explanation`))).lines as Json[];
    const decisive = (line: Json) => line.dates.flatMap((d: Json) => d.events).filter((e: Json) => e.decisive);
    const late = lines.find((l) => l.kind === 'late_booking_surcharge')!;
    expect(
      decisive(late)
        .map((e: Json) => e.type)
        .sort(),
    ).toEqual(['DeadlineOverridden', 'ReservationValidated']);
    expect(decisive(late)[0].data.reason).toBe('Retour d’hospitalisation');
    const unbooked = lines.find((l) => l.kind === 'unbooked_presence_surcharge')!;
    expect(decisive(unbooked)).toMatchObject([{ type: 'AttendanceRecorded', data: { status: 'present_unbooked' } }]);
    const credit = lines.find((l) => l.kind === 'justified_absence_credit')!;
    const [certificate] = decisive(credit);
    expect(certificate).toMatchObject({ type: 'AbsenceJustified', redacted: ['reference'] });
    expect(JSON.stringify(certificate)).not.toContain('CERT-1');
  });

  it('says the highest bracket applied when the family had no QF on file', async () => {
    const [line] = (await bodyOf(await finance.get(`/finance/invoices/${bernard.invoice.invoiceId}/explanation`))).lines as Json[];
    expect(line).toMatchObject({ unitPriceCents: 500, tariff: { bracket: { code: 'T2' } }, quotient: { amount: null, event: null } });
    expect(line!.quotient.explanation).toContain('tranche la plus haute');
  });

  it('is read by finance, the auditor and the administrator only; a malformed id is a 400, an unknown one a 404', async () => {
    const path = `/finance/invoices/${martin.invoice.invoiceId}/explanation`;
    expect((await auditor.get(path)).status).toBe(200);
    expect((await (await staff('admin')).get(path)).status).toBe(200);
    expect((await parent.get(path)).status).toBe(403);
    expect((await agent.get(path)).status).toBe(403);
    expect((await new HttpClient(app.baseUrl).get(path)).status).toBe(401);
    await expectProblem(await finance.get('/finance/invoices/pas-un-uuid/explanation'), 400);
    await expectProblem(await finance.get('/finance/invoices/00000000-0000-4000-8000-000000000000/explanation'), 404);
  });
});

describe('the invoices list for finance: filters and CSV', () => {
  it('filters by family name, amount and overdue, and names each family', async () => {
    const list = async (query: string) => ((await bodyOf(await finance.get(`/finance/invoices?${query}`))).invoices as Json[]).map((i) => i.familyId);
    expect(await list('family=marti')).toEqual([martin.familyId]);
    expect(await list(`minCents=${bernard.invoice.totalCents + 1}`)).toEqual([martin.familyId]);
    expect(await list(`maxCents=${bernard.invoice.totalCents}`)).toEqual([bernard.familyId]);
    expect(await list('overdue=true')).toEqual([]); // due in 30 days
    const [first] = (await bodyOf(await finance.get(`/finance/invoices?family=bern`))).invoices as Json[];
    expect(first!.familyName).toBe('Bernard');
    const bytes = Buffer.from(await (await finance.get('/finance/invoices?format=csv&family=bern')).arrayBuffer());
    const csv = bytes.toString('utf8');
    expect(csv.startsWith('\uFEFFNuméro;Famille;')).toBe(true); // UTF-8 with its BOM, `;`
    expect(csv).toContain(';Bernard');
  });

  it('refuses a bad filter with a French problem+json', async () => {
    const problem = await expectProblem(await finance.get('/finance/invoices?minCents=dix'), 400);
    expect(JSON.stringify(problem)).toContain('Montant minimal invalide');
    await expectProblem(await finance.get('/finance/invoices?overdue=oui'), 400);
    await expectProblem(await finance.get('/finance/invoices?family=%25'), 400);
  });
});

describe('desk payments, PayFIP operations, mandates, hand-over to the public accountant', () => {
  it('takes a cheque at the desk, and refuses CESU in a town that does not accept them, changing nothing', async () => {
    const { invoiceId, totalCents } = bernard.invoice;
    expect((await bodyOf(await finance.get('/finance/payment-means'))).desk).toEqual(['cash', 'cheque']);
    const problem = await expectProblem(await finance.post(`/invoices/${invoiceId}/payments`, { means: 'cesu', amountCents: 100 }), 400);
    expect(problem.title).toBeTruthy();
    expect(JSON.stringify(problem)).toContain('n’accepte pas les CESU');
    await expectProblem(await finance.post(`/invoices/${invoiceId}/payments`, { means: 'bitcoin', amountCents: 100 }), 400);
    expect((await invoiceOf(invoiceId)).paidCents).toBe(0);
    expect((await auditor.post(`/invoices/${invoiceId}/payments`, { means: 'cheque', amountCents: 100 })).status).toBe(403);
    const paid = await finance.post(`/invoices/${invoiceId}/payments`, { means: 'cheque', amountCents: 200, reference: 'Chèque n° 0012345' });
    expect(paid.status).toBe(201);
    const after = await eventually(async () => {
      const d = await invoiceOf(invoiceId);
      return d.paidCents === 200 && d;
    }, 30_000);
    expect(after.outstandingCents).toBe(totalCents - 200);
    expect(after.payments).toMatchObject([{ means: 'cheque', amountCents: 200, reference: 'Chèque n° 0012345' }]);
  });

  it('lists PayFIP operations with their state and the repair job’s last run; only finance may run it', async () => {
    const started = await bodyOf(await finance.post(`/invoices/${martin.invoice.invoiceId}/payfip`));
    const listed = await eventually(async () => {
      const body = await bodyOf(await auditor.get('/finance/payfip/operations?status=pending'));
      return (body.operations as Json[]).length === 1 && body;
    }, 30_000);
    expect(listed.operations[0]).toMatchObject({
      operationId: started.operationId,
      invoiceNumber: martin.invoice.number,
      status: 'pending',
      familyName: 'Martin',
    });
    expect((await auditor.post('/finance/payfip/repair')).status).toBe(403);
    expect((await finance.post('/finance/payfip/repair')).status).toBe(200);
    const { lastRepair } = await bodyOf(await finance.get('/finance/payfip/operations'));
    expect(lastRepair).toMatchObject({ trigger: 'finance', error: null });
    await expectProblem(await finance.get('/finance/payfip/operations?status=perdue'), 400);
    const csv = await (await finance.get('/finance/payfip/operations?format=csv')).text();
    expect(csv).toContain('En attente');
  });

  it('lists the mandates (also as CSV)', async () => {
    const { mandates } = await eventually(async () => {
      const body = await bodyOf(await auditor.get('/finance/mandates'));
      return (body.mandates as Json[]).length > 0 && body;
    }, 30_000);
    expect(mandates).toContainEqual(
      expect.objectContaining({ familyId: bernard.familyId, mandateReference: 'RUM-BERNARD-1', active: true, familyName: 'Bernard' }),
    );
    const csv = await (await finance.get('/finance/mandates?format=csv')).text();
    expect(csv).toContain('RUM-BERNARD-1;10/01/2026;Actif');
    expect((await parent.get('/finance/mandates')).status).toBe(403);
  });

  it('hands one overdue invoice over to the public accountant, not one still due, and not twice', async () => {
    const { invoiceId } = martin.invoice;
    const early = await expectProblem(await finance.post(`/invoices/${invoiceId}/collection`), 422);
    expect(early.title).toContain('échéance');
    expect((await invoiceOf(invoiceId)).status).not.toBe('sent_to_collection');
    clock.set(new Date('2026-06-01T08:00:00Z'));
    try {
      expect((await auditor.post(`/invoices/${invoiceId}/collection`)).status).toBe(403);
      const sent = await bodyOf(await finance.post(`/invoices/${invoiceId}/collection`));
      expect(sent).toMatchObject({ count: 1, kind: 'collection_titles' });
      const file = await (await finance.get(`/finance/files/${sent.fileId}`)).text();
      expect(file).toContain(martin.invoice.number);
      await eventually(async () => (await invoiceOf(invoiceId)).status === 'sent_to_collection', 30_000);
      await expectProblem(await finance.post(`/invoices/${invoiceId}/collection`), 422);
      const { files } = await bodyOf(await finance.get('/finance/files?kind=collection_titles'));
      expect(files.map((f: Json) => f.fileId)).toContain(sent.fileId);
      await expectProblem(await finance.get('/finance/files?kind=autre'), 400);
    } finally {
      clock.set(new Date('2026-04-01T06:30:00Z'));
    }
  });
});
