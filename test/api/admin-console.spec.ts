import { sql } from 'kysely';
import { seedDemoTown } from '#ardoise/composition';
import { anActiveFamily, signIn, staff } from './support/families-fixtures.js';
import { HttpClient } from './support/http-client.js';
import { bodyOf, eventually, startTestApp, type Json, type TestApp } from './support/test-app.js';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
  await seedDemoTown(app.app, { info: () => undefined } as never);
}, 60_000);
afterAll(async () => {
  await app?.close();
});

const PASSWORD = 'Compte-Agent-2026!';
const newStaff = (email: string, role: string) => ({ email, displayName: `Compte ${role}`, role, password: PASSWORD, passwordConfirmation: PASSWORD });

async function createStaff(admin: HttpClient, email: string, role: string): Promise<string> {
  const response = await admin.post('/staff-accounts', newStaff(email, role));
  expect(response.status).toBe(201);
  return (await bodyOf(response)).accountId;
}

const accountRows = async () =>
  (
    await sql<{ id: string; role: string; status: string; password_hash: string }>`SELECT id, role, status, password_hash FROM accounts ORDER BY id`.execute(
      app.infrastructure.db,
    )
  ).rows;

async function streamTypes(accountId: string): Promise<string[]> {
  const types: string[] = [];
  for await (const event of app.infrastructure.store.readStream(`account-${accountId}`)) types.push(event.type);
  return types;
}

describe('staff accounts (/admin/comptes)', () => {
  it('an admin lists, re-roles, disables, re-enables a staff account and gives it a new password; each change is an event', async () => {
    const admin = await staff(app, 'admin');
    const email = 'camille.agent@demo.ardoise.fr';
    const accountId = await createStaff(admin, email, 'agent');
    const agent = await signIn(app, email, PASSWORD);

    const list = (await bodyOf(await admin.get('/staff-accounts'))) as unknown as Json[];
    expect(list.find((a) => a.accountId === accountId)).toMatchObject({ email, role: 'agent', status: 'active' });
    expect(list.every((a) => a.role !== 'parent')).toBe(true);

    expect((await admin.put(`/staff-accounts/${accountId}/role`, { role: 'finance' })).status).toBe(204);
    expect((await bodyOf(await agent.get('/auth/me'))).role).toBe('finance');

    expect((await admin.post(`/staff-accounts/${accountId}/disable`)).status).toBe(204);
    expect((await agent.get('/auth/me')).status).toBe(401);
    expect((await new HttpClient(app.baseUrl).post('/auth/login', { email, password: PASSWORD })).status).toBe(401);

    expect((await admin.post(`/staff-accounts/${accountId}/enable`)).status).toBe(204);
    const again = await signIn(app, email, PASSWORD);
    const fresh = 'Nouveau-Mot-2026!';
    expect((await admin.post(`/staff-accounts/${accountId}/password`, { password: fresh, passwordConfirmation: fresh })).status).toBe(204);
    expect((await again.get('/auth/me')).status).toBe(401); // every session ended
    await signIn(app, email, fresh);

    expect(await streamTypes(accountId)).toEqual(['AccountCreated', 'StaffRoleChanged', 'AccountDisabled', 'AccountEnabled', 'PasswordChanged']);
  });

  it('the last active admin cannot be demoted or disabled, and two admins demoting each other at once leave one admin', async () => {
    const admin = await staff(app, 'admin');
    const me = (await bodyOf(await admin.get('/auth/me'))).accountId as string;
    const secondId = await createStaff(admin, 'deuxieme.admin@demo.ardoise.fr', 'admin');
    const second = await signIn(app, 'deuxieme.admin@demo.ardoise.fr', PASSWORD);

    // Both at once, each demoting the other: exactly one succeeds.
    const answers = await Promise.all([
      admin.put(`/staff-accounts/${secondId}/role`, { role: 'agent' }),
      second.put(`/staff-accounts/${me}/role`, { role: 'agent' }),
    ]);
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([204, 409]);
    const refused = answers.find((r) => r.status === 409)!;
    expect(await bodyOf(refused)).toMatchObject({ code: 'STAFF.LAST_ADMIN' });
    const admins = (await accountRows()).filter((a) => a.role === 'admin' && a.status === 'active');
    expect(admins).toHaveLength(1);

    // The one left cannot be demoted nor disabled, by anyone.
    const survivor = admins[0]!.id;
    const client = survivor === me ? admin : second;
    const before = await accountRows();
    const demote = await client.put(`/staff-accounts/${survivor}/role`, { role: 'auditor' });
    expect(demote.status).toBe(409);
    expect(demote.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await bodyOf(demote)).title).toMatch(/au moins un administrateur actif/);
    expect((await client.post(`/staff-accounts/${survivor}/disable`)).status).toBe(422); // not oneself
    expect(await accountRows()).toEqual(before);

    // Put things back for the other scenarios.
    const demoted = survivor === me ? secondId : me;
    expect((await client.put(`/staff-accounts/${demoted}/role`, { role: 'admin' })).status).toBe(204);
  });

  it('only admins manage staff accounts; bad input is a 400 problem that changes nothing', async () => {
    const admin = await staff(app, 'admin');
    const target = await createStaff(admin, 'cible.validation@demo.ardoise.fr', 'auditor');
    expect((await (await staff(app, 'auditor')).get('/staff-accounts')).status).toBe(200); // auditors read everything
    for (const role of ['agent', 'finance', 'auditor'] as const) {
      const other = await staff(app, role);
      if (role !== 'auditor') expect((await other.get('/staff-accounts')).status).toBe(403);
      expect((await other.put(`/staff-accounts/${target}/role`, { role: 'admin' })).status).toBe(403);
      expect((await other.post(`/staff-accounts/${target}/disable`)).status).toBe(403);
    }
    expect((await new HttpClient(app.baseUrl).get('/staff-accounts')).status).toBe(401);

    const before = await accountRows();
    const cases: Array<[Promise<Response>, string]> = [
      [admin.put(`/staff-accounts/${target}/role`, { role: 'parent' }), 'role'],
      [admin.put(`/staff-accounts/${target}/role`, { role: 'superuser' }), 'role'],
      [admin.put('/staff-accounts/pas-un-uuid/role', { role: 'agent' }), 'accountId'],
      [admin.post(`/staff-accounts/${target}/password`, { password: 'court', passwordConfirmation: 'court' }), 'password'],
      [admin.post(`/staff-accounts/${target}/password`, { password: PASSWORD, passwordConfirmation: 'Autre-Chose-2026!' }), 'passwordConfirmation'],
    ];
    for (const [pending, field] of cases) {
      const response = await pending;
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
      const problem = await bodyOf(response);
      expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect(await accountRows()).toEqual(before);
    expect(await streamTypes(target)).toEqual(['AccountCreated']);

    // A parent's account is not a staff account.
    const { rows } = await sql<{ id: string }>`SELECT id FROM accounts WHERE role = 'parent' LIMIT 1`.execute(app.infrastructure.db);
    if (rows[0]) expect((await admin.post(`/staff-accounts/${rows[0].id}/disable`)).status).toBe(404);
    expect((await admin.post('/staff-accounts/00000000-0000-4000-8000-000000000000/disable')).status).toBe(404);
  });
});

describe('RGPD erasure (/admin/rgpd)', () => {
  it('shows what will be erased, refuses a wrong name, erases with the right one, and lists the erasure without personal data', async () => {
    const { familyId } = await anActiveFamily(app, 'famille.a-effacer@example.fr', { familyName: 'Effaçable', child: 'Oubline' });
    const admin = await staff(app, 'admin');
    const agent = await staff(app, 'agent');
    expect((await agent.get(`/admin/families/${familyId}/erasure-preview`)).status).toBe(403);

    const preview = await bodyOf(await admin.get(`/admin/families/${familyId}/erasure-preview`));
    expect(preview).toMatchObject({ familyId, familyName: 'Effaçable', alreadyForgotten: false, guardians: 2, children: 1, logins: 1 });
    expect(preview.emails).toBeGreaterThan(0); // the activation e-mail at least
    expect(preview.events).toBeGreaterThanOrEqual(2);

    const wrong = await admin.post('/admin/erasures', { familyId, familyName: 'Autre famille' });
    expect(wrong.status).toBe(400);
    expect((await bodyOf(wrong)).errors[0].field).toBe('familyName');
    expect((await agent.post('/admin/erasures', { familyId, familyName: 'Effaçable' })).status).toBe(403);
    expect((await (await staff(app, 'auditor')).post('/admin/erasures', { familyId, familyName: 'Effaçable' })).status).toBe(403);
    expect((await admin.post('/admin/erasures', { familyId: 'nope', familyName: 'x' })).status).toBe(400);
    expect((await bodyOf(await admin.get(`/admin/families/${familyId}/erasure-preview`))).alreadyForgotten).toBe(false); // nothing changed

    const erased = await admin.post('/admin/erasures', { familyId, familyName: '  effacable ' });
    expect(erased.status).toBe(201);
    expect(await bodyOf(erased)).toEqual({ familyId, alreadyForgotten: false, keyDestroyed: true, accountsDeleted: 1, eventRecorded: true });
    const after = await bodyOf(await admin.get(`/admin/families/${familyId}/erasure-preview`));
    expect(after).toMatchObject({ alreadyForgotten: true, familyName: null, logins: 0, emails: 0 });

    const adminId = (await bodyOf(await admin.get('/auth/me'))).accountId;
    const list = await eventually(async () => {
      const rows = (await bodyOf(await admin.get('/admin/erasures'))) as unknown as Json[];
      return rows.find((r) => r.familyId === familyId) ? rows : undefined;
    });
    const record = list.find((r) => r.familyId === familyId)!;
    expect(record).toEqual({ familyId, forgottenAt: expect.any(String), actor: { id: adminId, role: 'admin', displayName: 'Administration' } });
    expect(JSON.stringify(list)).not.toMatch(/Effaçable|Oubline|a-effacer/);

    // The auditors' event browser shows the family's events with their personal data erased.
    const auditor = await staff(app, 'auditor');
    const page = await bodyOf(await auditor.get(`/audit/streams/family-${familyId}/events`));
    expect(page.events.map((e: Json) => e.type)).toContain('FamilyForgotten');
    expect(JSON.stringify(page.events)).toMatch(/donnée personnelle effacée/);
    expect(JSON.stringify(page.events)).not.toMatch(/Effaçable|Oubline/);
  });
});

describe('health (/admin/sante)', () => {
  it('an admin sees the projections, an hour of lag samples, the log, the outbox and the scheduled jobs; nobody else does', async () => {
    const admin = await staff(app, 'admin');
    await anActiveFamily(app, 'famille.sante@example.fr'); // its activation e-mail goes through the outbox
    for (const role of ['agent', 'finance'] as const) expect((await (await staff(app, role)).get('/admin/health')).status).toBe(403);
    expect((await (await staff(app, 'auditor')).get('/admin/health')).status).toBe(200); // auditors read everything
    const health = await eventually(async () => {
      const body = await bodyOf(await admin.get('/admin/health'));
      return body.lagSamples.length > 0 ? body : undefined;
    }, 20_000);
    expect(health.report.projections.map((p: Json) => p.name)).toContain('family-erasures');
    expect(new Set(health.lagSamples.map((s: Json) => s.projection))).toEqual(new Set(health.report.projections.map((p: Json) => p.name)));
    expect(health.eventStore).toMatchObject({ adapter: 'postgresql' });
    expect(health.eventStore.events).toBeGreaterThan(0);
    expect(Object.keys(health.outbox).sort()).toEqual(['failed', 'held', 'pending', 'sent']);
    // The counts are the outbox's own.
    const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM mail_outbox`.execute(app.infrastructure.db);
    expect(Number(rows[0]!.n)).toBeGreaterThan(0);
    expect(health.outbox.pending + health.outbox.held + health.outbox.failed + health.outbox.sent).toBe(Number(rows[0]!.n));
    expect(health.jobs.map((j: Json) => j.name)).toEqual(['billing-run', 'billing-schedule', 'payfip-repair', 'audit-anchors', 'mail-delivery']);
    expect(health.jobs.find((j: Json) => j.name === 'billing-run').nextRunAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });
});
