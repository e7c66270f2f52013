import type { RecordedEvent } from '#ardoise/event-store';
import { seedDemoTown } from '#ardoise/composition';
import { anActiveFamily, familyFile, staff } from './support/families-fixtures.js';
import type { HttpClient } from './support/http-client.js';
import { bodyOf, eventually, startTestApp, type Json, type TestApp } from './support/test-app.js';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
  await seedDemoTown(app.app, { info: () => undefined } as never);
}, 60_000);
afterAll(async () => {
  await app?.close();
});

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
const QF_2026 = { amount: 742, validFrom: '2026-01-01', validUntil: '2026-12-31' };

function upload(client: HttpClient, requestId: string, content: Buffer, fileName: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(content)], { type: 'application/pdf' }), fileName);
  return fetch(`${app.baseUrl}/api/v1/requests/${requestId}/attachments`, {
    method: 'POST',
    body: form,
    headers: {
      cookie: `ardoise_session=${client.cookie('ardoise_session')}; XSRF-TOKEN=${client.cookie('XSRF-TOKEN')}`,
      'x-xsrf-token': client.cookie('XSRF-TOKEN')!,
    },
  });
}

async function openRequest(parent: HttpClient, topic: string, subject: string): Promise<string> {
  const opened = await parent.post('/requests', { topic, subject, body: 'Bonjour, voici mon document.' });
  expect(opened.status).toBe(201);
  return (await bodyOf(opened)).requestId;
}

const thread = (client: HttpClient, id: string, ready: (t: Json) => boolean) =>
  eventually(async () => {
    const response = await client.get(`/requests/${id}`);
    if (response.status !== 200) return undefined;
    const body = await bodyOf(response);
    return ready(body) ? body : undefined;
  });

async function streamEvents(streamId: string): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of app.infrastructure.store.readStream(streamId)) events.push(event);
  return events;
}

describe('an agent turns a QF proof request into the family’s quotient familial', () => {
  let family: Awaited<ReturnType<typeof anActiveFamily>>;
  let agent: HttpClient;
  let qfRequestId: string;

  beforeAll(async () => {
    family = await anActiveFamily(app, 'helene.quotient@example.fr', { familyName: 'Lefebvre' });
    agent = await staff(app, 'agent');
  }, 60_000);

  it('a parent sends a CAF attestation as a PDF; the agent records the QF, tells the family and closes the request', async () => {
    qfRequestId = await openRequest(family.parent, 'qf_proof', 'Attestation CAF 2026');
    const pdf = await upload(family.parent, qfRequestId, PDF, 'attestation-caf-2026.pdf');
    expect(pdf.status).toBe(201);
    const { attachmentId } = await bodyOf(pdf);

    const turned = await agent.post(`/requests/${qfRequestId}/quotient`, QF_2026);
    expect(turned.status).toBe(200);
    const proofReference = `DEMANDE-${qfRequestId}/PJ-${attachmentId}`;
    expect(await bodyOf(turned)).toMatchObject({ familyId: family.familyId, proofReference });

    // The family file (as the parent sees it) shows the new quotient and where it comes from.
    const file = await familyFile(family.parent, family.familyId, (f) => f.quotient?.amount === 742);
    expect(file.quotient).toEqual({ ...QF_2026, proofReference });

    // The thread shows the staff message, in French, and is closed.
    const seen = await thread(family.parent, qfRequestId, (t) => t.status === 'closed' && t.messages.length === 2);
    expect(seen.lastAuthor).toBe('staff');
    expect(seen.messages[1]).toMatchObject({ author: 'staff' });
    expect(seen.messages[1].body).toContain('Votre quotient familial a été mis à jour : 742 €, valable du 01/01/2026 au 31/12/2026.');

    // Every step is a fact recorded with the agent as actor, on behalf of the family.
    const quotientSet = (await streamEvents(`family-${family.familyId}`)).filter((e) => e.type === 'QuotientFamilialSet');
    expect(quotientSet).toHaveLength(1);
    expect(quotientSet[0]!.data).toEqual({ familyId: family.familyId, ...QF_2026, proofReference });
    const requestFacts = (await streamEvents(`request-${qfRequestId}`)).slice(-2);
    expect(requestFacts.map((e) => [e.type, (e.data as Json).author])).toEqual([
      ['RequestMessagePosted', 'staff'],
      ['RequestClosed', 'staff'],
    ]);
    for (const event of [...quotientSet, ...requestFacts]) {
      expect(event.metadata.actor).toMatchObject({ role: 'agent', onBehalfOfFamilyId: family.familyId });
    }
    // Sealed with the family's key: the message is not readable in the log.
    expect(JSON.stringify(requestFacts[0]!.data)).not.toContain('quotient');
  });

  it('a closed request cannot be turned again, and finance staff can turn a new QF proof request', async () => {
    const again = await agent.post(`/requests/${qfRequestId}/quotient`, { ...QF_2026, amount: 900 });
    expect(again.status).toBe(422);
    expect(await bodyOf(again)).toMatchObject({ code: 'REQUEST.CLOSED' });

    const nextRequestId = await openRequest(family.parent, 'qf_proof', 'Nouvelle attestation CAF');
    const finance = await staff(app, 'finance');
    const turned = await finance.post(`/requests/${nextRequestId}/quotient`, { amount: 810, validFrom: '2026-03-01', validUntil: '2026-12-31' });
    expect(turned.status).toBe(200);
    // Without a file from the family, the request alone is the proof.
    expect((await bodyOf(turned)).proofReference).toBe(`DEMANDE-${nextRequestId}`);
    const file = await familyFile(agent, family.familyId, (f) => f.quotient?.amount === 810);
    expect(file.quotient.proofReference).toBe(`DEMANDE-${nextRequestId}`);
    await thread(agent, nextRequestId, (t) => t.status === 'closed');
  });

  it('a request about something else is refused in French and nothing changes', async () => {
    const otherId = await openRequest(family.parent, 'certificate', 'Attestation de présence');
    await thread(agent, otherId, (t) => t.messages.length === 1);
    const familyBefore = (await streamEvents(`family-${family.familyId}`)).length;
    const requestBefore = (await streamEvents(`request-${otherId}`)).length;

    const refused = await agent.post(`/requests/${otherId}/quotient`, QF_2026);
    expect(refused.status).toBe(422);
    expect(await bodyOf(refused)).toMatchObject({
      code: 'REQUEST.NOT_QF_PROOF',
      title: expect.stringContaining('ne porte pas sur un justificatif de quotient familial'),
    });

    expect((await streamEvents(`family-${family.familyId}`)).length).toBe(familyBefore);
    expect((await streamEvents(`request-${otherId}`)).length).toBe(requestBefore);
    const still = await bodyOf(await agent.get(`/requests/${otherId}`));
    expect(still).toMatchObject({ status: 'open' });
    expect(still.messages).toHaveLength(1);
    expect((await bodyOf(await agent.get(`/families/${family.familyId}`))).quotient.amount).toBe(810);
  });

  it('dates the families context refuses leave the thread open and untouched', async () => {
    const requestId = await openRequest(family.parent, 'qf_proof', 'Attestation MSA');
    const requestBefore = (await streamEvents(`request-${requestId}`)).length;
    const refused = await agent.post(`/requests/${requestId}/quotient`, { amount: 500, validFrom: '2026-12-31', validUntil: '2026-01-01' });
    expect(refused.status).toBe(422);
    expect(await bodyOf(refused)).toMatchObject({ code: 'FAMILY.QUOTIENT_DATES' });
    expect((await streamEvents(`request-${requestId}`)).length).toBe(requestBefore);

    const invalid = await agent.post(`/requests/${requestId}/quotient`, { amount: -1, validFrom: 'demain', validUntil: '2026-12-31' });
    expect(invalid.status).toBe(400);
    expect(JSON.stringify(await bodyOf(invalid))).toContain('Date invalide (format attendu : AAAA-MM-JJ).');
  });

  it('a parent and an auditor get 403; an unknown request answers 404', async () => {
    const requestId = await openRequest(family.parent, 'qf_proof', 'Mon QF');
    const byParent = await family.parent.post(`/requests/${requestId}/quotient`, QF_2026);
    expect(byParent.status).toBe(403);
    const byAuditor = await (await staff(app, 'auditor')).post(`/requests/${requestId}/quotient`, QF_2026);
    expect(byAuditor.status).toBe(403);
    expect((await streamEvents(`request-${requestId}`)).map((e) => e.type)).toEqual(['RequestOpened']);

    const unknown = await agent.post('/requests/6f0d2b8e-3c1a-4e5b-9a7d-2f4c6e8a0b1c/quotient', QF_2026);
    expect(unknown.status).toBe(404);
    expect(await bodyOf(unknown)).toMatchObject({ code: 'REQUEST.NOT_FOUND', title: 'Demande introuvable.' });
  });
});
