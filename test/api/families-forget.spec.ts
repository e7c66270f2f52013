import { sql } from 'kysely';
import { ProjectionRunner } from '#ardoise/projections';
import { seedDemoTown } from '#ardoise/composition';
import { aChild, anActiveFamily, familyFile, PARENT_PASSWORD, staff } from './support/families-fixtures.js';
import { HttpClient } from './support/http-client.js';
import { bodyOf, eventually, startTestApp, type TestApp } from './support/test-app.js';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
  await seedDemoTown(app.app, { info: () => undefined } as never);
}, 60_000);
afterAll(async () => {
  await app?.close();
});

/** Every row of every table of the database, as text, that contains `needle` (case-insensitive). */
async function tablesContaining(needle: string): Promise<string[]> {
  const db = app.infrastructure.db;
  const { rows: tables } = await sql<{ schema: string; name: string }>`
    SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
    WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`.execute(db);
  const found: string[] = [];
  for (const table of tables) {
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM ${sql.table(`${table.schema}.${table.name}`)} t WHERE t::text ILIKE ${`%${needle}%`}`.execute(db);
    if (rows[0]!.n > 0) found.push(`${table.schema}.${table.name}`);
  }
  return found;
}

describe('RGPD erasure by crypto-shredding', () => {
  it('after forgetting a family, no table holds its names or e-mails, replay still works and shows the people as erased', async () => {
    const email = 'zoe.vasseur-oubli@example.fr';
    const { familyId, parent, file } = await anActiveFamily(app, email, { familyName: 'Vasseurix', guardian: 'Zoéline', child: 'Anatolia' });
    const kept = await anActiveFamily(app, 'famille.gardee@example.fr', { familyName: 'Gardenot', child: 'Restitude' });
    expect(
      (await parent.post(`/families/${familyId}/children`, aChild({ lastName: 'Vasseurix', firstName: 'Bartholomé', allergies: 'Kiwi-rare' }))).status,
    ).toBe(201);
    const agent = await staff(app, 'agent');
    await agent.post(`/families/${familyId}/guardians/${file.guardians[1].guardianId}/login-invitation`, { email: 'paul.vasseurix@example.fr' });
    expect((await agent.post('/auth/password-reset', { email })).status).toBe(202);
    await familyFile(agent, familyId, (f) => f.children.length === 2);
    const secrets = ['Vasseurix', 'Zoéline', 'Anatolia', 'Bartholomé', 'Kiwi-rare', email, 'paul.vasseurix'];
    expect(await tablesContaining('Vasseurix')).not.toEqual([]); // the scan does find plaintext when there is some

    // Only an admin may erase.
    const admin = await staff(app, 'admin');
    expect((await agent.delete(`/admin/families/${familyId}`)).status).toBe(403);
    expect((await admin.delete(`/admin/families/${familyId}`)).status).toBe(204);

    // Logins and sessions are gone with the data.
    expect((await parent.get('/auth/me')).status).toBe(401);
    expect((await new HttpClient(app.baseUrl).post('/auth/login', { email, password: PARENT_PASSWORD })).status).toBe(401);

    await eventually(async () => {
      const file = await bodyOf(await admin.get(`/families/${familyId}`));
      return file.status === 'forgotten' && file.erased;
    });
    for (const secret of secrets) expect({ secret, tables: await tablesContaining(secret) }).toEqual({ secret, tables: [] });

    // Rebuild every read model from the log: it succeeds, the erased family stays erased, the other is intact.
    const runner = app.app.get(ProjectionRunner);
    await runner.rebuild('families');
    await runner.rebuild('family-logins');
    for (const secret of secrets) expect({ secret, tables: await tablesContaining(secret) }).toEqual({ secret, tables: [] });
    const erased = await bodyOf(await admin.get(`/families/${familyId}`));
    expect(erased).toMatchObject({ status: 'forgotten', familyName: null, erased: true });
    expect(erased.children.every((c: any) => c.erased && c.firstName === null)).toBe(true);
    expect(erased.guardians.every((g: any) => g.erased && g.lastName === null)).toBe(true);
    const other = await bodyOf(await admin.get(`/families/${kept.familyId}`));
    expect(other).toMatchObject({ familyName: 'Gardenot', erased: false });
    expect(other.children[0].firstName).toBe('Restitude');

    // The events are all still there, hash chain intact, sealed.
    const types = [];
    for await (const event of app.infrastructure.store.readStream(`family-${familyId}`)) types.push(event.type);
    expect(types.at(-1)).toBe('FamilyForgotten');
    expect(types).toContain('ChildRegistered');

    // Searching staff-side finds nothing of it; erasing again is harmless; an unknown family is 404.
    expect(await bodyOf(await agent.get('/families?q=Vasseurix'))).toEqual([]);
    expect((await admin.delete(`/admin/families/${familyId}`)).status).toBe(204);
    expect((await admin.delete('/admin/families/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  }, 60_000);
});
