import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { DEMO_STAFF } from '#ardoise/identity';
import { RegisterFamily } from '#ardoise/families';
import { runInContext, systemContext } from '#ardoise/commands';
import { HttpClient } from './support/http-client.js';
import { eventually, type TestApp } from './support/test-app.js';

/** Helpers that read like the town: an agent signs in, a family with a child is registered. */
export async function signInStaff(app: TestApp, role: 'agent' | 'admin' | 'finance' | 'auditor'): Promise<HttpClient> {
  const member = DEMO_STAFF.find((s) => s.role === role)!;
  const client = new HttpClient(app.baseUrl);
  const response = await client.post('/auth/login', { email: member.email, password: member.password });
  if (response.status !== 200) throw new Error(`login ${role}: ${response.status}`);
  return client;
}

export async function signInParent(app: TestApp, email: string, password = 'Demo-Parent-2026!'): Promise<{ client: HttpClient; familyId: string }> {
  const client = new HttpClient(app.baseUrl);
  const response = await client.post('/auth/login', { email, password });
  if (response.status !== 200) throw new Error(`login parent: ${response.status}`);
  const me = (await response.json()) as { familyId: string };
  return { client, familyId: me.familyId };
}

/** The children of a family, once the families read model has them. */
export async function childrenOf(db: Kysely<any>, familyId: string, count = 1): Promise<{ child_id: string; first_name: string }[]> {
  return eventually(async () => {
    const rows = await db.selectFrom('family_children').select(['child_id', 'first_name']).where('family_id', '=', familyId).orderBy('birth_date').execute();
    return rows.length >= count ? (rows as { child_id: string; first_name: string }[]) : undefined;
  });
}

/** "a family of Saint-Ardoise with one child", registered at the desk (no login) through the families context. */
export async function aFamilyWithAChild(app: TestApp, name: string): Promise<{ familyId: string; childId: string }> {
  const commands = app.app.get(CommandBus);
  const { familyId } = await runInContext(systemContext({ userId: 'test', role: 'system' }), () =>
    commands.execute(
      new RegisterFamily({
        familyName: name,
        contactEmail: null,
        via: 'agent',
        guardians: {
          responsable1: {
            civility: 'madame',
            lastName: name,
            firstName: 'Alex',
            mobilePhone: '06 00 00 00 00',
            email: `${name.toLowerCase()}-${randomUUID().slice(0, 8)}@example.org`,
            address: { line1: '1 rue de la Paix', postalCode: '41120', city: 'Saint-Ardoise' },
          },
        } as never,
        children: [
          {
            lastName: name,
            firstName: 'Camille',
            birthDate: '2018-03-03',
            school: 'École élémentaire Jules-Ferry',
            className: 'CE2',
            diet: 'standard',
            allergies: null,
            pai: false,
          },
        ] as never,
      }),
    ),
  );
  const [{ child_id: childId }] = await childrenOf(app.infrastructure.db, familyId, 1);
  return { familyId, childId };
}

/** Many families at once (registered in parallel, then awaited in the read model). */
export async function manyFamilies(app: TestApp, count: number, prefix: string): Promise<{ familyId: string; childId: string }[]> {
  const families: { familyId: string; childId: string }[] = [];
  for (let i = 0; i < count; i += 20) {
    const batch = Array.from({ length: Math.min(20, count - i) }, (_, j) => aFamilyWithAChild(app, `${prefix}${i + j}`));
    families.push(...(await Promise.all(batch)));
  }
  return families;
}
