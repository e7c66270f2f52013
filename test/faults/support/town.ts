import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { DEMO_STAFF } from '#ardoise/identity';
import { HttpClient } from '../../api/support/http-client.js';

/**
 * The town the fault scenarios run in: the demo staff (seeded), plus a prestation with a
 * small daily capacity on school days of a school year far in the future, so that booking
 * deadlines never depend on the day the test runs.
 */
export const SERVICE = 'FAUTES';
export const CAPACITY = 12;
const YEAR = { label: '2090-2091', start: '2090-09-01', end: '2091-08-31' };

/** The first `count` weekdays of the school year (Monday to Friday). */
export function schoolDays(count: number): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${YEAR.start}T12:00:00Z`); days.length < count; t += 86_400_000) {
    const day = new Date(t);
    if (day.getUTCDay() >= 1 && day.getUTCDay() <= 5) days.push(day.toISOString().slice(0, 10));
  }
  return days;
}

export async function signInAgent(baseUrl: string): Promise<HttpClient> {
  const agent = DEMO_STAFF.find((s) => s.role === 'agent')!;
  const client = new HttpClient(baseUrl);
  const response = await client.post('/auth/login', { email: agent.email, password: agent.password });
  if (response.status !== 200) throw new Error(`agent sign-in answered ${response.status}`);
  return client;
}

async function expectStatus(response: Promise<Response>, statuses: number[], what: string): Promise<void> {
  const r = await response;
  if (!statuses.includes(r.status)) throw new Error(`${what}: ${r.status} ${await r.text()}`);
}

/** School year, prestation and its règlement, through the API as the town's agent would. */
export async function setUpTown(agent: HttpClient): Promise<void> {
  await expectStatus(
    agent.put(`/catalogue/calendar/school-years/${YEAR.label}`, {
      zone: 'A',
      start: YEAR.start,
      end: YEAR.end,
      classesStart: YEAR.start,
      classesEnd: '2091-07-01',
      holidays: [],
      publicHolidays: [],
    }),
    [204],
    'school year',
  );
  await expectStatus(
    agent.post('/catalogue/services', {
      code: SERVICE,
      label: 'Accueil du matin (essais de pannes)',
      kind: 'morning_care',
      weekdays: [1, 2, 3, 4, 5],
      dailyCapacity: CAPACITY,
    }),
    [201, 409],
    'service',
  );
  await expectStatus(
    agent.put(`/catalogue/services/${SERVICE}/booking-rules`, {
      season: 'school',
      booking: { kind: 'day_before', at: '18:00' },
      cancellation: { kind: 'day_before', at: '18:00' },
    }),
    [204],
    'booking rules',
  );
}

export function aFamilyRegistration(name: string) {
  return {
    familyName: name,
    guardians: {
      responsable1: {
        civility: 'madame',
        lastName: name,
        firstName: 'Alex',
        mobilePhone: '06 00 00 00 00',
        email: `${name.toLowerCase()}@example.org`,
        address: { line1: '1 rue de la Paix', postalCode: '41120', city: 'Saint-Ardoise' },
      },
    },
    children: [
      {
        lastName: name,
        firstName: 'Camille',
        birthDate: '2018-03-03',
        school: 'École Jules-Ferry',
        className: 'CE2',
        diet: 'standard',
        allergies: null,
        pai: false,
      },
    ],
  };
}

export interface Family {
  familyId: string;
  childId: string;
}

/** Registers `count` families at the desk; their children's ids are read from the log (no read model needed). */
export async function registerFamilies(agent: HttpClient, databaseUrl: string, count: number, prefix = 'Panne'): Promise<Family[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 10) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(10, count - i) }, async (_, j) => {
        const response = await agent.post('/families', aFamilyRegistration(`${prefix}${i + j}x${randomUUID().slice(0, 6)}`));
        if (response.status !== 201) throw new Error(`register family: ${response.status} ${await response.text()}`);
        return ((await response.json()) as { familyId: string }).familyId;
      }),
    );
    ids.push(...batch);
  }
  const sql = new pg.Client({ connectionString: databaseUrl });
  await sql.connect();
  try {
    const { rows } = await sql.query<{ family_id: string; child_id: string }>(
      `SELECT data->>'familyId' AS family_id, data->>'childId' AS child_id FROM events
        WHERE type = 'ChildRegistered' AND data->>'familyId' = ANY($1::text[])`,
      [ids],
    );
    const childOf = new Map(rows.map((r) => [r.family_id, r.child_id]));
    return ids.map((familyId) => ({ familyId, childId: childOf.get(familyId)! }));
  } finally {
    await sql.end();
  }
}

/** Waits until the catalogue read model knows the prestation (a basket line is accepted). */
export async function waitUntilBookable(agent: HttpClient, family: Family, day: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    const response = await agent.post(`/families/${family.familyId}/basket/lines`, { lines: [{ childId: family.childId, serviceCode: SERVICE, date: day }] });
    if (response.status === 201) {
      const validation = await agent.post(`/families/${family.familyId}/basket/validation`, {});
      if (validation.status !== 200 && validation.status !== 201) throw new Error(`first validation: ${validation.status}`);
      return;
    }
    last = `${response.status} ${await response.text()}`;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`the prestation never became bookable: ${last}`);
}
