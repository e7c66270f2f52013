import { randomUUID } from 'node:crypto';
import { DEMO_FAMILIES } from '#ardoise/families';
import { DEMO_STAFF } from '#ardoise/identity';
import { seedDemoTown } from '#ardoise/composition';
import { linkFromOutbox, signIn, staff } from './support/families-fixtures.js';
import { HttpClient } from './support/http-client.js';
import { bodyOf, startTestApp, type TestApp } from './support/test-app.js';

/**
 * The endpoints that send e-mails, check a password or take files are rate-limited, with
 * counts kept in PostgreSQL so that every API process sees the same ones.
 */
const silentLogger = { info: () => undefined } as never;

let app: TestApp; // TRUST_PROXY=loopback: X-Forwarded-For says which client is calling
let secondProcess: TestApp; // another API process on the same database
beforeAll(async () => {
  app = await startTestApp({ env: { TRUST_PROXY: 'loopback' } });
  await seedDemoTown(app.app, silentLogger);
  secondProcess = await startTestApp({ env: { TRUST_PROXY: 'loopback' }, database: app.database, keepDatabase: true });
}, 60_000);
afterAll(async () => {
  await secondProcess?.close();
  await app?.close();
}, 30_000);

const from = (address: string) => ({ 'x-forwarded-for': address });
const askReset = (target: TestApp, email: string, client: string) => new HttpClient(target.baseUrl).post('/auth/password-reset', { email }, from(client));

async function expectTooMany(response: Response): Promise<void> {
  expect(response.status).toBe(429);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(await bodyOf(response)).toMatchObject({
    status: 429,
    code: 'REQUEST.TOO_MANY',
    title: expect.stringMatching(/^Trop de demandes .* Réessayez dans \d+ minutes?\.$/),
  });
}

const mailsTo = async (to: string, template: string) =>
  Number(
    (
      await app.infrastructure.db
        .selectFrom('mail_outbox')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('to', '=', to)
        .where('template', '=', template)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('password reset', () => {
  it('sends one parent a few e-mails, not one per request, however many addresses ask', async () => {
    const parent = DEMO_FAMILIES[1]!.login!.email;
    for (let batch = 0; batch < 5; batch++) {
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => askReset(app, parent, `198.51.100.${batch * 20 + i + 1}`)));
      expect(answers.map((a) => a.status)).toEqual(Array(20).fill(202));
    }
    expect(await mailsTo(parent, 'password-reset')).toBe(3);
  }, 60_000);

  it('slows down one client asking for many addresses, across API processes', async () => {
    const client = '203.0.113.10';
    for (let i = 0; i < 10; i++) {
      const target = i % 2 === 0 ? app : secondProcess;
      expect((await askReset(target, `inconnu.${i}@example.fr`, client)).status).toBe(202);
    }
    await expectTooMany(await askReset(secondProcess, 'inconnu.10@example.fr', client));
    await expectTooMany(await askReset(app, 'inconnu.11@example.fr', client));
    expect((await askReset(app, 'inconnu.12@example.fr', '203.0.113.11')).status).toBe(202);
  });

  it('a change of password kills the reset links sent before', async () => {
    const member = DEMO_STAFF.find((s) => s.role === 'finance')!;
    expect((await askReset(app, member.email, '192.0.2.50')).status).toBe(202);
    const agent = await staff(app, 'agent');
    const token = await linkFromOutbox(agent, member.email, 'reinitialisation');

    const finance = await signIn(app, member.email, member.password);
    const changed = await finance.post('/auth/password', {
      currentPassword: member.password,
      newPassword: 'Nouveau-Finances-2026!',
      newPasswordConfirmation: 'Nouveau-Finances-2026!',
    });
    expect(changed.status).toBe(204);

    const late = await new HttpClient(app.baseUrl).post(`/auth/password-reset/${token}`, {
      password: 'Pirate-Finances-2026!',
      passwordConfirmation: 'Pirate-Finances-2026!',
    });
    expect(late.status).toBe(422);
    expect((await bodyOf(late)).code).toBe('LINK.INVALID');
    await signIn(app, member.email, 'Nouveau-Finances-2026!');
  });
});

describe('checks of the current password', () => {
  it.each([
    ['/auth/password', { currentPassword: 'Devine-2026!', newPassword: 'Nouveau-Audit-2026!', newPasswordConfirmation: 'Nouveau-Audit-2026!' }],
    ['/auth/email-change', { newEmail: 'ailleurs@example.fr', password: 'Devine-2026!' }],
  ])('%s: a stolen session cannot go on guessing the password', async (path, body) => {
    const auditor = DEMO_STAFF.find((s) => s.role === 'auditor')!;
    const session = await signIn(app, auditor.email, auditor.password);
    for (let i = 0; i < 5; i++) expect((await session.post(path, body)).status).toBe(400);
    await expectTooMany(await session.post(path, body));
    // The same account from a new session (another process) is still counted: the limit is per account.
    const other = await signIn(secondProcess, auditor.email, auditor.password);
    await expectTooMany(await other.post(path, body));
  });
});

describe('invitations and uploads', () => {
  it('an agent cannot send invitation e-mails without end', async () => {
    const agent = await staff(app, 'agent');
    const statuses: number[] = [];
    // Malformed invitations count too: the limit is checked before anything else.
    for (let i = 0; i < 60; i++) statuses.push((await agent.post('/families/invitations', { email: 'pas-une-adresse' })).status);
    expect(new Set(statuses)).toEqual(new Set([400]));
    await expectTooMany(await agent.post('/families/invitations', { email: `famille.${randomUUID()}@example.fr` }));
  });

  it('a parent cannot upload files without end', async () => {
    const parent = DEMO_FAMILIES[0]!.login!;
    const session = await signIn(app, parent.email, parent.password);
    const requestId = randomUUID();
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++)
      statuses.push((await session.post(`/requests/${requestId}/attachments`, '', { 'content-type': 'multipart/form-data; boundary=x' })).status);
    expect(statuses.every((s) => s >= 400 && s < 500 && s !== 429)).toBe(true);
    await expectTooMany(await session.post(`/requests/${requestId}/attachments`, '', { 'content-type': 'multipart/form-data; boundary=x' }));
  });
});
