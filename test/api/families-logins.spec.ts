import { seedDemoTown } from '#ardoise/composition';
import { anActiveFamily, familyFile, linkFromOutbox, PARENT_PASSWORD, signIn, staff } from './support/families-fixtures.js';
import { HttpClient } from './support/http-client.js';
import { bodyOf, startTestApp, type TestApp } from './support/test-app.js';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
  await seedDemoTown(app.app, { info: () => undefined } as never);
}, 60_000);
afterAll(async () => {
  await app?.close();
});

describe('each guardian with their own login', () => {
  it('Responsable 1 invites Responsable 2, who gets a login to the same family and later changes its e-mail by a confirmed link', async () => {
    const { familyId, parent, file } = await anActiveFamily(app, 'r1.fontaine@example.fr', { familyName: 'Fontaine' });
    const r2 = file.guardians.find((g: any) => g.rank === 2);
    expect((await parent.post(`/families/${familyId}/guardians/${r2.guardianId}/login-invitation`, { email: 'paul.fontaine@example.fr' })).status).toBe(202);

    const agent = await staff(app, 'agent');
    const token = await linkFromOutbox(agent, 'paul.fontaine@example.fr', 'invitation');
    const paul = new HttpClient(app.baseUrl);
    expect(await bodyOf(await paul.get(`/guardian-invitations/${token}`))).toEqual({ email: 'paul.fontaine@example.fr' });
    expect((await paul.post(`/guardian-invitations/${token}`, { password: 'faible', passwordConfirmation: 'faible' })).status).toBe(400);
    const accepted = await paul.post(`/guardian-invitations/${token}`, { password: PARENT_PASSWORD, passwordConfirmation: PARENT_PASSWORD });
    expect(accepted.status).toBe(201);
    expect(await bodyOf(accepted)).toMatchObject({ role: 'parent', familyId, guardianId: r2.guardianId });
    expect(
      (await new HttpClient(app.baseUrl).post(`/guardian-invitations/${token}`, { password: PARENT_PASSWORD, passwordConfirmation: PARENT_PASSWORD })).status,
    ).toBe(422);

    const seen = await familyFile(paul, familyId, (f) => f.logins.length === 2);
    expect(seen.guardians.map((g: any) => g.hasLogin)).toEqual([true, true]);
    expect((await parent.post(`/families/${familyId}/guardians/${r2.guardianId}/login-invitation`, {})).status).toBe(409);

    // Change of login e-mail: password required, confirmed from the new mailbox.
    expect((await paul.post('/auth/email-change', { newEmail: 'paul.nouveau@example.fr', password: 'mauvais' })).status).toBe(400);
    // An address that has an account is not refused (that would tell who has one): its owner is told by e-mail.
    expect((await paul.post('/auth/email-change', { newEmail: 'r1.fontaine@example.fr', password: PARENT_PASSWORD })).status).toBe(202);
    expect((await paul.post('/auth/email-change', { newEmail: 'paul.nouveau@example.fr', password: PARENT_PASSWORD })).status).toBe(202);
    expect((await new HttpClient(app.baseUrl).post('/auth/login', { email: 'paul.nouveau@example.fr', password: PARENT_PASSWORD })).status).toBe(401);
    const confirm = await linkFromOutbox(agent, 'paul.nouveau@example.fr', 'confirmation-email');
    expect((await new HttpClient(app.baseUrl).post(`/auth/email-change/${confirm}`)).status).toBe(204);
    expect((await new HttpClient(app.baseUrl).post(`/auth/email-change/${confirm}`)).status).toBe(422);
    await signIn(app, 'paul.nouveau@example.fr', PARENT_PASSWORD);
    expect((await new HttpClient(app.baseUrl).post('/auth/login', { email: 'paul.fontaine@example.fr', password: PARENT_PASSWORD })).status).toBe(401);

    // The staff's search finds a family by a login's e-mail (identity's, asked through its reader), old ones no more.
    expect(((await bodyOf(await agent.get('/families?q=paul.nouveau'))) as unknown as { familyId: string }[]).map((f) => f.familyId)).toEqual([familyId]);
    expect(await bodyOf(await agent.get('/families?q=paul.fontaine@'))).toEqual([]);
  }, 60_000);
});
