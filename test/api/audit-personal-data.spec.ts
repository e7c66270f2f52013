import { ERASED_PERSONAL_DATA } from '#ardoise/families';
import { seedDemoTown } from '#ardoise/composition';
import { anActiveFamily, staff } from './support/families-fixtures.js';
import type { HttpClient } from './support/http-client.js';
import { bodyOf, type Json, startTestApp, type TestApp } from './support/test-app.js';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
  await seedDemoTown(app.app, { info: () => undefined } as never);
}, 60_000);
afterAll(async () => {
  await app?.close();
});

const eventsOf = async (auditor: HttpClient, stream: string): Promise<Json[]> => {
  const response = await auditor.get(`/audit/streams/${stream}/events?limit=100`);
  expect(response.status).toBe(200);
  return (await bodyOf(response)).events;
};
const dataOf = (events: Json[], type: string): Json => events.find((e) => e.type === type)!.data;

describe('personal data in the audit trail', () => {
  it('an auditor reads a family’s names and its request in clear while the family exists, an erased marker once it is forgotten; the export stays as stored', async () => {
    const { familyId, parent } = await anActiveFamily(app, 'hyacinthe.belvedere@example.fr', {
      familyName: 'Belvédèrac',
      guardian: 'Hyacinthe',
      child: 'Philomène',
    });
    const opened = await parent.post('/requests', { topic: 'certificate', subject: 'Certificat Belvédèrac', body: 'Pour Philomène, merci.' });
    expect(opened.status).toBe(201);
    const { requestId } = await bodyOf(opened);
    const auditor = await staff(app, 'auditor');

    // Decrypted for the auditor, with the key that still exists.
    const family = await eventsOf(auditor, `family-${familyId}`);
    expect(dataOf(family, 'FamilyAccountCreated').identity).toMatchObject({ familyName: 'Belvédèrac', email: 'hyacinthe.belvedere@example.fr' });
    expect(dataOf(family, 'GuardianAdded').details).toMatchObject({ firstName: 'Hyacinthe', lastName: 'Belvédèrac' });
    expect(dataOf(family, 'ChildRegistered').details).toMatchObject({ firstName: 'Philomène' });
    const request = await eventsOf(auditor, `request-${requestId}`);
    expect(dataOf(request, 'RequestOpened')).toMatchObject({ familyId, subject: 'Certificat Belvédèrac', body: 'Pour Philomène, merci.' });
    // The whole log ($all, filtered by category) shows them the same way.
    const all = await bodyOf(await auditor.get(`/audit/events?category=request&type=RequestOpened&limit=100`));
    expect(all.events.find((e: Json) => e.streamId === `request-${requestId}`).data.subject).toBe('Certificat Belvédèrac');

    // State as of now, folded with the families and messaging deciders from the revealed data.
    const state = await bodyOf(await auditor.get(`/audit/streams/family-${familyId}/state`));
    expect(state).toMatchObject({ aggregate: 'Famille', state: { status: 'active' } });
    expect(Object.values(state.state.children).map((c: any) => c.details.firstName)).toEqual(['Philomène']);
    expect(await bodyOf(await auditor.get(`/audit/streams/request-${requestId}/state`))).toMatchObject({
      aggregate: 'Demande (Mes demandes)',
      state: { opened: true, familyId, status: 'open' },
    });

    // The export is the stored content (its hashes can be checked elsewhere): sealed.
    const exported = await (await auditor.get(`/audit/export?stream=family-${familyId}`)).text();
    expect(exported).toContain('"pd1.');
    expect(exported).not.toContain('Belvédèrac');

    expect((await (await staff(app, 'admin')).delete(`/admin/families/${familyId}`)).status).toBe(204);

    const after = await eventsOf(auditor, `family-${familyId}`);
    expect(after.at(-1)!.type).toBe('FamilyForgotten');
    expect(dataOf(after, 'FamilyAccountCreated').identity).toBe(ERASED_PERSONAL_DATA);
    expect(dataOf(after, 'GuardianAdded').details).toBe(ERASED_PERSONAL_DATA);
    expect(dataOf(after, 'ChildRegistered').details).toBe(ERASED_PERSONAL_DATA);
    expect(dataOf(await eventsOf(auditor, `request-${requestId}`), 'RequestOpened')).toMatchObject({
      familyId,
      topic: 'certificate',
      subject: ERASED_PERSONAL_DATA,
      body: ERASED_PERSONAL_DATA,
    });
    const page = await (await auditor.get(`/audit/streams/family-${familyId}/events?limit=100`)).text();
    for (const secret of ['Belvédèrac', 'Hyacinthe', 'Philomène', 'hyacinthe.belvedere']) expect(page).not.toContain(secret);
    const forgotten = await bodyOf(await auditor.get(`/audit/streams/family-${familyId}/state`));
    expect(forgotten.state.status).toBe('forgotten');
    expect(JSON.stringify(forgotten)).not.toContain('Philomène');
  }, 60_000);
});
