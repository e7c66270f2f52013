import { seedDemoTown } from '#ardoise/composition';
import { aChild, anActivation, familyFile, invite, linkFromOutbox, PARENT_PASSWORD, signIn, staff } from './support/families-fixtures.js';
import { HttpClient } from './support/http-client.js';
import { bodyOf, startTestApp, type TestApp } from './support/test-app.js';

let app: TestApp;
const silentLogger = { info: () => undefined } as never;

beforeAll(async () => {
  app = await startTestApp();
  await seedDemoTown(app.app, silentLogger);
}, 60_000);
afterAll(async () => {
  await app?.close();
});

describe('a family’s first steps in Ardoise (guide 1.1 and 1.2)', () => {
  it('invited by e-mail, the parent creates the account in three steps, edits a child, signs out and in, and resets a forgotten password', async () => {
    const email = 'marc.personnaz@example.fr';
    const { familyId, token } = await invite(app, email, 'Personnaz');
    const parent = new HttpClient(app.baseUrl);

    // 1.1 — the link from the e-mail shows whom it was sent to.
    expect(await bodyOf(await parent.get(`/activations/${token}`))).toEqual({ email, familyName: 'Personnaz' });

    // 1.2 — each step checked by the server as the parent goes, nothing stored meanwhile.
    const form = anActivation(email, { familyName: 'Personnaz', guardian: 'Marc', child: 'Clara' });
    form.children.children.push(
      aChild({ lastName: 'Personnaz', firstName: 'Guilhem', birthDate: '2020-01-15', diet: 'sans_porc', allergies: 'Arachide', pai: true }),
    );
    expect((await parent.post(`/activations/${token}/steps/family-account`, form.account)).status).toBe(204);
    expect((await parent.post(`/activations/${token}/steps/guardians`, form.guardians)).status).toBe(204);
    expect((await parent.post(`/activations/${token}/steps/children`, form.children)).status).toBe(204);
    expect(await app.infrastructure.db.selectFrom('accounts').select('id').where('family_id', '=', familyId).execute()).toEqual([]);

    // « S'enregistrer » — the parent is signed in at once.
    const created = await parent.post(`/activations/${token}`, form);
    expect(created.status).toBe(201);
    expect(await bodyOf(created)).toMatchObject({ role: 'parent', familyId, displayName: 'Marc Personnaz' });
    expect((await bodyOf(await parent.get('/auth/me'))).familyId).toBe(familyId);

    const file = await familyFile(parent, familyId, (f) => f.children.length === 2 && f.guardians.some((g: { hasLogin: boolean }) => g.hasLogin));
    expect(file).toMatchObject({ status: 'active', familyName: 'Personnaz', createdVia: 'activation' });
    expect(file.guardians.map((g: any) => [g.rank, g.firstName, g.hasLogin])).toEqual([
      [1, 'Marc', true],
      [2, 'Paul', false],
    ]);
    const guilhem = file.children.find((c: any) => c.firstName === 'Guilhem');
    expect(guilhem).toMatchObject({ birthDate: '2020-01-15', diet: 'sans_porc', allergies: 'Arachide', pai: true });

    // The facts, with the parent as their author and nothing personal in clear.
    const events = [];
    for await (const event of app.infrastructure.store.readStream(`family-${familyId}`)) events.push(event);
    expect(events.map((e) => e.type)).toEqual([
      'ActivationInvitationSent',
      'FamilyAccountCreated',
      'GuardianAdded',
      'GuardianAdded',
      'ChildRegistered',
      'ChildRegistered',
    ]);
    expect(events[1]!.metadata.actor).toMatchObject({ role: 'parent' });
    const stored = JSON.stringify(events.map((e) => ({ data: e.data, metadata: e.metadata })));
    for (const secret of ['Personnaz', 'Guilhem', email, 'Arachide', '06 12 34 56 78', token]) expect(stored).not.toContain(secret);

    // Edit a child.
    const edited = await parent.put(
      `/families/${familyId}/children/${guilhem.childId}`,
      aChild({ lastName: 'Personnaz', firstName: 'Guilhem', birthDate: '2020-01-15', className: 'GS', diet: 'vegetarien', pai: true }),
    );
    expect(edited.status).toBe(204);
    await familyFile(parent, familyId, (f) => f.children.some((c: any) => c.className === 'GS' && c.diet === 'vegetarien'));

    // Sign out, sign in again.
    expect((await parent.post('/auth/logout')).status).toBe(204);
    expect((await parent.get(`/families/${familyId}`)).status).toBe(401);
    const again = await signIn(app, email, PARENT_PASSWORD);
    expect((await again.get(`/families/${familyId}`)).status).toBe(200);

    // « J'ai oublié mon mot de passe » — same answer for an unknown address; the link is single-use; sessions end.
    const anonymous = new HttpClient(app.baseUrl);
    const known = await anonymous.post('/auth/password-reset', { email });
    const unknown = await anonymous.post('/auth/password-reset', { email: 'personne@example.fr' });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(await bodyOf(unknown)).toEqual(await bodyOf(known));
    const agent = await staff(app, 'agent');
    const resetToken = await linkFromOutbox(agent, email, 'reinitialisation');
    const weak = await anonymous.post(`/auth/password-reset/${resetToken}`, { password: 'court', passwordConfirmation: 'court' });
    expect(weak.status).toBe(400);
    const newPassword = 'Nouveau-mot-de-passe-2026';
    expect((await anonymous.post(`/auth/password-reset/${resetToken}`, { password: newPassword, passwordConfirmation: newPassword })).status).toBe(204);
    expect((await again.get('/auth/me')).status).toBe(401);
    expect((await anonymous.post(`/auth/password-reset/${resetToken}`, { password: newPassword, passwordConfirmation: newPassword })).status).toBe(422);
    expect((await new HttpClient(app.baseUrl).post('/auth/login', { email, password: PARENT_PASSWORD })).status).toBe(401);
    await signIn(app, email, newPassword);
  }, 60_000);
});

describe('activation links', () => {
  const form = (email: string) => anActivation(email, { familyName: 'Lien' });

  it('a used link cannot create a second account', async () => {
    const email = 'lien.utilise@example.fr';
    const { token } = await invite(app, email);
    expect((await new HttpClient(app.baseUrl).post(`/activations/${token}`, form(email))).status).toBe(201);
    const reused = await new HttpClient(app.baseUrl).post(`/activations/${token}`, form('autre.adresse@example.fr'));
    expect(reused.status).toBe(422);
    expect((await bodyOf(reused)).code).toBe('LINK.INVALID');
    expect((await new HttpClient(app.baseUrl).get(`/activations/${token}`)).status).toBe(422);
  }, 60_000);

  it('an expired link is refused and writes nothing', async () => {
    const email = 'lien.expire@example.fr';
    const { familyId, token } = await invite(app, email);
    await app.infrastructure.db
      .updateTable('one_time_tokens')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('subject', '=', familyId)
      .execute();
    const response = await new HttpClient(app.baseUrl).post(`/activations/${token}`, form(email));
    expect(response.status).toBe(422);
    expect(await app.infrastructure.db.selectFrom('accounts').select('id').where('family_id', '=', familyId).execute()).toEqual([]);
  }, 60_000);

  it('a forged link is refused', async () => {
    for (const forged of ['AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'pas-un-jeton', "'%20OR%201=1"]) {
      const response = await new HttpClient(app.baseUrl).post(`/activations/${forged}`, form('forge@example.fr'));
      expect(response.status).toBe(422);
    }
  }, 60_000);

  it('after a resend the old link is dead and the new one works', async () => {
    const email = 'lien.renvoye@example.fr';
    const { familyId, token: first } = await invite(app, email);
    const agent = await staff(app, 'agent');
    expect((await agent.post(`/families/${familyId}/invitation`, {})).status).toBe(202);
    const second = await linkFromOutbox(agent, email, 'activation');
    expect(second).not.toBe(first);
    expect((await new HttpClient(app.baseUrl).post(`/activations/${first}`, form(email))).status).toBe(422);
    expect((await new HttpClient(app.baseUrl).post(`/activations/${second}`, form(email))).status).toBe(201);
    const types = [];
    for await (const event of app.infrastructure.store.readStream(`family-${familyId}`)) types.push([event.type, (event.data as { resent?: boolean }).resent]);
    expect(types.slice(0, 2)).toEqual([
      ['ActivationInvitationSent', false],
      ['ActivationInvitationSent', true],
    ]);
  }, 60_000);
});
