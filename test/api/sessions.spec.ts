import { DEMO_STAFF } from '#ardoise/identity';
import { seedDemoTown } from '#ardoise/composition';
import { HttpClient } from './support/http-client.js';
import { bodyOf, startTestApp, type TestApp } from './support/test-app.js';

let app: TestApp;
const silentLogger = { info: () => undefined } as never;
const staff = (role: string) => DEMO_STAFF.find((s) => s.role === role)!;

beforeAll(async () => {
  app = await startTestApp();
  await seedDemoTown(app.app, silentLogger);
});
afterAll(async () => {
  await app?.close();
});

async function signIn(role: string): Promise<HttpClient> {
  const client = new HttpClient(app.baseUrl);
  const member = staff(role);
  const response = await client.post('/auth/login', { email: member.email, password: member.password });
  expect(response.status).toBe(200);
  return client;
}

describe('signing in and out', () => {
  it('an agent signs in, is known by /auth/me, signs out, and is then anonymous', async () => {
    const client = new HttpClient(app.baseUrl);
    const login = await client.post('/auth/login', { email: 'AGENT@demo.ardoise.fr ', password: staff('agent').password });
    expect(login.status).toBe(200);
    expect(await bodyOf(login)).toMatchObject({ role: 'agent', displayName: 'Service périscolaire', familyId: null });
    const setCookie = login.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/ardoise_session=[^;]+;.*HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect((await bodyOf(await client.get('/auth/me'))).role).toBe('agent');

    expect((await client.post('/auth/logout')).status).toBe(204);
    const after = await client.get('/auth/me');
    expect(after.status).toBe(401);
    expect(await bodyOf(after)).toMatchObject({ code: 'AUTH.UNAUTHENTICATED', title: 'Vous devez vous connecter.' });
  });

  it('says the same thing for an unknown e-mail and a wrong password (no enumeration)', async () => {
    const client = new HttpClient(app.baseUrl);
    const unknown = await client.post('/auth/login', { email: 'personne@nulle-part.fr', password: 'Whatever-2026!' });
    const wrong = await client.post('/auth/login', { email: staff('finance').email, password: 'Whatever-2026!' });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    const [a, b] = [await bodyOf(unknown), await bodyOf(wrong)];
    expect(a.title).toBe('Adresse e-mail ou mot de passe incorrect.');
    expect(b.title).toBe(a.title);
    expect(b.code).toBe(a.code);
  });

  it('locks an account out for a while after 5 failed attempts, even with the right password', async () => {
    const client = new HttpClient(app.baseUrl);
    const email = staff('auditor').email;
    for (let i = 0; i < 5; i++) expect((await client.post('/auth/login', { email, password: `Wrong-${i}-password!` })).status).toBe(401);
    const locked = await client.post('/auth/login', { email, password: staff('auditor').password });
    expect(locked.status).toBe(429);
    expect((await bodyOf(locked)).code).toBe('AUTH.TOO_MANY_ATTEMPTS');
    await app.infrastructure.db.deleteFrom('login_attempts').execute(); // let the other scenarios sign in
  });

  it('refuses malformed login input with field errors', async () => {
    const response = await new HttpClient(app.baseUrl).post('/auth/login', { email: 42 });
    expect(response.status).toBe(400);
    expect((await bodyOf(response)).errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'password']);
  });
});

describe('roles and CSRF', () => {
  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const admin = await signIn('admin');
    admin.dropCsrfToken();
    const response = await admin.post('/staff-accounts', {
      email: 'nouvel.agent@demo.ardoise.fr',
      displayName: 'Nouvel agent',
      role: 'agent',
      password: 'Nouvel-Agent-2026!',
      passwordConfirmation: 'Nouvel-Agent-2026!',
    });
    expect(response.status).toBe(403);
    expect((await bodyOf(response)).code).toBe('AUTH.CSRF');
    expect(await app.infrastructure.db.selectFrom('accounts').select('id').where('email', '=', 'nouvel.agent@demo.ardoise.fr').execute()).toEqual([]);
  });

  it('only an admin creates staff accounts; the new agent can then sign in', async () => {
    const request = {
      email: 'camille@demo.ardoise.fr',
      displayName: 'Camille',
      role: 'agent',
      password: 'Camille-Agent-2026!',
      passwordConfirmation: 'Camille-Agent-2026!',
    };
    expect((await new HttpClient(app.baseUrl).post('/staff-accounts', request)).status).toBe(401);
    for (const role of ['agent', 'finance', 'auditor']) {
      const response = await (await signIn(role)).post('/staff-accounts', request);
      expect(response.status).toBe(403);
    }
    const created = await (await signIn('admin')).post('/staff-accounts', request);
    expect(created.status).toBe(201);
    const { accountId } = await bodyOf(created);
    const events = [];
    for await (const event of app.infrastructure.store.readStream(`account-${accountId}`)) events.push(event);
    expect(events.map((e) => e.type)).toEqual(['AccountCreated']);
    expect(JSON.stringify(events[0].data)).not.toContain('camille@');
    const camille = new HttpClient(app.baseUrl);
    expect((await camille.post('/auth/login', { email: request.email, password: request.password })).status).toBe(200);
  });

  it('refuses a weak initial password with the policy in French', async () => {
    const response = await (
      await signIn('admin')
    ).post('/staff-accounts', {
      email: 'faible@demo.ardoise.fr',
      displayName: 'Faible',
      role: 'agent',
      password: 'motdepasse',
      passwordConfirmation: 'motdepasse',
    });
    expect(response.status).toBe(400);
    expect((await bodyOf(response)).errors).toEqual([
      {
        field: 'password',
        messages: ['Le mot de passe doit contenir au moins 12 caractères, une majuscule, un chiffre, un caractère spécial (par exemple ! ? - _ @).'],
      },
    ]);
  });
});

describe('changing one’s password', () => {
  it('works for every role (auditor included), ends the other sessions, and the old password stops working', async () => {
    const email = 'auditeur2@demo.ardoise.fr';
    const first = 'Auditeur-Deux-2026!';
    const second = 'Auditeur-Deux-2027?';
    expect(
      (
        await (
          await signIn('admin')
        ).post('/staff-accounts', { email, displayName: 'Auditeur 2', role: 'auditor', password: first, passwordConfirmation: first })
      ).status,
    ).toBe(201);
    const laptop = new HttpClient(app.baseUrl);
    const phone = new HttpClient(app.baseUrl);
    await laptop.post('/auth/login', { email, password: first });
    await phone.post('/auth/login', { email, password: first });

    const mismatch = await laptop.post('/auth/password', { currentPassword: first, newPassword: second, newPasswordConfirmation: 'autre' });
    expect(mismatch.status).toBe(400);
    expect((await bodyOf(mismatch)).errors[0].field).toBe('newPasswordConfirmation');

    const changed = await laptop.post('/auth/password', { currentPassword: first, newPassword: second, newPasswordConfirmation: second });
    expect(changed.status).toBe(204);
    expect((await laptop.get('/auth/me')).status).toBe(200);
    expect((await phone.get('/auth/me')).status).toBe(401);
    expect((await new HttpClient(app.baseUrl).post('/auth/login', { email, password: first })).status).toBe(401);
    expect((await new HttpClient(app.baseUrl).post('/auth/login', { email, password: second })).status).toBe(200);
  });
});
