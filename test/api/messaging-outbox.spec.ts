import { randomUUID } from 'node:crypto';
import { AccountStore, DEMO_STAFF } from '#ardoise/identity';
import { MAILER, type Mailer } from '#ardoise/runtime';
import { seedDemoTown } from '#ardoise/composition';
import { HttpClient } from './support/http-client.js';
import { bodyOf, startTestApp, type TestApp } from './support/test-app.js';

let app: TestApp;
const silentLogger = { info: () => undefined } as never;

beforeAll(async () => {
  app = await startTestApp();
  await seedDemoTown(app.app, silentLogger);
});
afterAll(async () => {
  await app?.close();
});

async function signIn(email: string, password: string): Promise<HttpClient> {
  const client = new HttpClient(app.baseUrl);
  expect((await client.post('/auth/login', { email, password })).status).toBe(200);
  return client;
}
const staff = (role: string) => {
  const member = DEMO_STAFF.find((s) => s.role === role)!;
  return signIn(member.email, member.password);
};

describe('the outbox, with no SMTP configured', () => {
  it('keeps every e-mail (held), newest first, filtered by recipient, readable in full by an agent', async () => {
    const mailer = app.app.get<Mailer>(MAILER);
    await mailer.enqueue({ to: 'claire.martin@example.fr', template: 'password-reset', data: { link: 'https://famille.example.fr/r/1' } });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await mailer.enqueue({ to: 'paul.durand@example.fr', template: 'request-reply', data: { subject: 'Justificatif <QF>', path: '/demandes/1' } });
    await mailer.enqueue({
      to: 'paul.durand@example.fr',
      template: 'request-reply',
      data: { subject: 'Justificatif <QF>', path: '/demandes/1' },
      dedupeKey: 'k1',
    });
    await mailer.enqueue({
      to: 'paul.durand@example.fr',
      template: 'request-reply',
      data: { subject: 'Justificatif <QF>', path: '/demandes/1' },
      dedupeKey: 'k1',
    });

    const agent = await staff('agent');
    const all = await bodyOf(await agent.get('/outbox'));
    expect(all.total).toBe(3);
    expect(all.items.map((m: { to: string }) => m.to)).toEqual(['paul.durand@example.fr', 'paul.durand@example.fr', 'claire.martin@example.fr']);
    expect(all.items.every((m: { status: string }) => m.status === 'held')).toBe(true);

    const claire = await bodyOf(await agent.get('/outbox?to=Claire.Martin@example.fr'));
    expect(claire.items).toHaveLength(1);
    expect(claire.items[0]).toMatchObject({ template: 'password-reset', subject: 'Réinitialisation de votre mot de passe', sentAt: null });

    const paged = await bodyOf(await agent.get('/outbox?page=2&pageSize=2'));
    expect(paged).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(paged.items.map((m: { to: string }) => m.to)).toEqual(['claire.martin@example.fr']);

    const full = await bodyOf(await agent.get(`/outbox/${all.items[0].id}`));
    expect(full.text).toContain('« Justificatif <QF> »');
    expect(full.html).toContain('« Justificatif &lt;QF&gt; »');
    expect(full.text).toContain(`${app.infrastructure.config.publicUrl}/demandes/1`);
  });

  it('answers 404 for an unknown e-mail and 400 for a bad filter', async () => {
    const admin = await staff('admin');
    const missing = await admin.get(`/outbox/${randomUUID()}`);
    expect(missing.status).toBe(404);
    expect((await bodyOf(missing)).code).toBe('OUTBOX.MAIL_NOT_FOUND');
    expect((await admin.get('/outbox?to=pas-une-adresse')).status).toBe(400);
    expect((await admin.get('/outbox?pageSize=1000')).status).toBe(400);
  });

  it('is for agents and admins only: finance, auditors and parents are refused', async () => {
    for (const role of ['finance', 'auditor']) expect((await (await staff(role)).get('/outbox')).status).toBe(403);
    await app.app.get(AccountStore).create({
      email: 'parent.outbox@example.fr',
      password: 'Parent-Outbox-2026!',
      role: 'parent',
      displayName: 'Parent',
      familyId: randomUUID(),
    });
    const parent = await signIn('parent.outbox@example.fr', 'Parent-Outbox-2026!');
    expect((await parent.get('/outbox')).status).toBe(403);
    expect((await new HttpClient(app.baseUrl).get('/outbox')).status).toBe(401);
  });
});
