import { sql } from 'kysely';
import { FixedClock } from '#ardoise/commands';
import { DEMO_STAFF } from '#ardoise/identity';
import { GivenFacts } from '../../libs/invoicing/src/testing/given-facts.js';
import { seedDemoTown } from '#ardoise/composition';
import { HttpClient } from './support/http-client.js';
import { bodyOf, eventually, startTestApp, type Json, type TestApp } from './support/test-app.js';

let app: TestApp;
const clock = new FixedClock(new Date('2026-04-01T06:30:00Z'));
let finance: HttpClient;
let familyId: string;
let childId: string;

async function signIn(email: string, password: string): Promise<HttpClient> {
  const client = new HttpClient(app.baseUrl);
  expect((await client.post('/auth/login', { email, password })).status).toBe(200);
  return client;
}

beforeAll(async () => {
  app = await startTestApp({ clock });
  await seedDemoTown(app.app, { info: () => undefined } as never);
  const staff = DEMO_STAFF.find((s) => s.role === 'finance')!;
  finance = await signIn(staff.email, staff.password);
  const parent = await signIn('claire.martin@demo.ardoise.fr', 'Demo-Parent-2026!');
  familyId = (await bodyOf(await parent.get('/auth/me'))).familyId;
  childId = String(
    await eventually(
      async () => (await app.infrastructure.db.selectFrom('family_children').select('child_id').where('family_id', '=', familyId).executeTakeFirst())?.child_id,
    ),
  );
  const brackets = [{ code: 'T', label: 'Tarif unique', qfFrom: 0, qfTo: null, unitPriceCents: 300 }];
  expect(
    (await finance.put('/tariffs/CANTINE', { effectiveFrom: '2025-09-01', brackets, lateBookingSurchargeCents: 0, unbookedPresenceSurchargeCents: 0 })).status,
  ).toBe(200);
}, 120_000);

afterAll(async () => {
  await app?.close();
});

/**
 * Holds the billing read model's projector back, as a busy worker would: its every batch
 * first locks its generation's row in the registry, so a transaction holding that row
 * stalls it (for real: no part of Ardoise is replaced) until `release()`.
 */
async function stallBillingInputs(): Promise<{ release: () => Promise<void> }> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const done = app.infrastructure.db.transaction().execute(async (trx) => {
    await sql`SELECT 1 FROM projection_generations WHERE projection = 'invoicing-billing-inputs' AND status = 'active' FOR UPDATE`.execute(trx);
    locked();
    await released;
  });
  await isLocked;
  return {
    release: async () => {
      release();
      await done;
    },
  };
}

describe('a billing run started right after the last facts of the month', () => {
  it('bills the bookings and marks recorded just before the run started, while the billing read model was behind', async () => {
    const facts = new GivenFacts(app.infrastructure.store);
    const stall = await stallBillingInputs();
    const days = ['02', '03', '05', '06', '09', '10', '12', '13', '16', '17', '19', '20', '23', '24', '26', '27', '30', '31'];
    for (const d of days) await facts.day(familyId, childId, 'CANTINE', `2026-03-${d}`).booked().attended('present').write();
    // Finance presses "Facturer" the moment the last mark is in; the projector is still behind.
    const starting = finance.post('/billing-runs', { period: '2026-03' });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const behind = await app.infrastructure.db.selectFrom('invoicing_billable_days').select('date').where('family_id', '=', familyId).execute();
    expect(behind).toHaveLength(0); // the read model had none of them when the run was asked for
    await stall.release();
    const started = await starting;
    expect(started.status).toBe(202);
    const { runId } = await bodyOf(started);
    const run = await eventually(async () => {
      const progress = await bodyOf(await finance.get(`/billing-runs/${runId}`));
      return progress.status !== 'running' && progress;
    });
    expect(run).toMatchObject({ status: 'completed', issued: 1, amountCents: days.length * 300 });
    const invoices = await eventually(async () => {
      const rows = (await bodyOf(await finance.get('/finance/invoices'))).invoices as Json[];
      return rows.length === 1 && rows;
    });
    expect(invoices[0]).toMatchObject({ familyId, totalCents: days.length * 300 });
  });
});
