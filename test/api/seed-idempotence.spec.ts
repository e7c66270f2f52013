import pg from 'pg';
import { DEMO_SCHOOL_YEAR } from '#ardoise/catalogue';
import { DEMO_STAFF } from '#ardoise/identity';
import { seedDemoTown } from '#ardoise/composition';
import { HttpClient } from './support/http-client.js';
import { bodyOf, startTestApp } from './support/test-app.js';
import type { TestDatabase } from '../support/test-database.js';

/**
 * The demo seed runs at every start (SEED_DEMO). Restarting on the same data must append
 * nothing, and a seed must never write over what the town's staff decided since.
 */
const silentLogger = { info: () => undefined } as never;
// Each test starts the whole app several times, each with its projections' first builds and the
// seed: tens of seconds each on a loaded runner. Bounds of 600 s catch a hang, not a slow machine.
const staff = (role: string) => DEMO_STAFF.find((s) => s.role === role)!;

let database: TestDatabase | undefined;
afterAll(async () => {
  await database?.drop();
}, 30_000);

/** One start of Ardoise on the shared database, seeding like `main` does, then a stop. */
async function startSeedAndStop(during?: (baseUrl: string) => Promise<void>): Promise<void> {
  const app = await startTestApp({ ...(database ? { database } : {}), keepDatabase: true });
  database = app.database;
  try {
    await seedDemoTown(app.app, silentLogger);
    await during?.(app.baseUrl);
  } finally {
    await app.close();
  }
}

async function query<T>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: database!.url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

async function eventCounts(): Promise<Record<string, number>> {
  const rows = await query<{ type: string; n: number }>('SELECT type, count(*)::int AS n FROM events GROUP BY type');
  return Object.fromEntries(rows.map((r) => [r.type, r.n]));
}

/** The data of the last event of this type in the stream, as the log holds it. */
async function lastData(streamId: string, type: string): Promise<Record<string, any>> {
  const rows = await query<{ data: Record<string, any> }>('SELECT data FROM events WHERE stream_id = $1 AND type = $2 ORDER BY revision DESC LIMIT 1', [
    streamId,
    type,
  ]);
  return rows[0]!.data;
}

async function signIn(baseUrl: string, role: string): Promise<HttpClient> {
  const client = new HttpClient(baseUrl);
  const member = staff(role);
  expect((await client.post('/auth/login', { email: member.email, password: member.password })).status).toBe(200);
  return client;
}

const CHANGED_CANTEEN_RULES = {
  season: 'school',
  booking: { kind: 'working_days_before', days: 3, at: '09:00' },
  cancellation: { kind: 'working_days_before', days: 3, at: '09:00' },
};

describe('seeding the demo town again', () => {
  it('appends nothing when started again and again on the same data', async () => {
    await startSeedAndStop();
    const once = await eventCounts();
    expect(once).toMatchObject({ SchoolYearDefined: 1, BookingRulesSet: 5, HolidayOpeningScheduled: 1, TariffSet: 5 });

    for (let start = 0; start < 4; start++) await startSeedAndStop();
    expect(await eventCounts()).toEqual(once);
  }, 600_000);

  it('leaves a booking rule, a tariff and a school year the town changed as the town set them', async () => {
    await startSeedAndStop(async (baseUrl) => {
      const agent = await signIn(baseUrl, 'agent');
      expect((await agent.put('/catalogue/services/CANTINE/booking-rules', CHANGED_CANTEEN_RULES)).status).toBe(204);
      const { label, ...year } = DEMO_SCHOOL_YEAR;
      const longerYear = { ...year, classesEnd: '2027-07-03' };
      expect((await agent.put(`/catalogue/calendar/school-years/${label}`, longerYear)).status).toBe(204);
      const finance = await signIn(baseUrl, 'finance');
      const { tariffs } = await bodyOf(await finance.get('/tariffs'));
      const canteen = (tariffs as Array<Record<string, any>>).filter((t) => t.serviceCode === 'CANTINE').at(-1)!;
      const raised = {
        effectiveFrom: '2026-09-01',
        brackets: canteen.brackets.map((b: Record<string, any>) => ({
          code: b.code,
          label: b.label,
          qfFrom: b.qfFrom,
          qfTo: b.qfTo,
          unitPriceCents: b.cantineAUnEuro ? b.unitPriceCents : b.unitPriceCents + 10,
          ...(b.cantineAUnEuro ? { cantineAUnEuro: true } : {}),
        })),
        lateBookingSurchargeCents: canteen.lateBookingSurchargeCents,
        unbookedPresenceSurchargeCents: canteen.unbookedPresenceSurchargeCents,
      };
      const response = await finance.put('/tariffs/CANTINE', raised);
      expect(response.status).toBe(200);
    });
    const before = await eventCounts();

    await startSeedAndStop();
    expect(await eventCounts()).toEqual(before);
    expect(await lastData('service-CANTINE', 'BookingRulesSet')).toMatchObject(CHANGED_CANTEEN_RULES);
    expect((await lastData('tariff-CANTINE', 'TariffSet')).brackets[1].unitPriceCents).toBe(290);
    expect((await lastData('calendar-town', 'SchoolYearDefined')).classesEnd).toBe('2027-07-03');
  }, 600_000);
});
