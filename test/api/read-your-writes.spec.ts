import { FixedClock } from '#ardoise/commands';
import { seedDemoTown } from '#ardoise/composition';
import { childrenOf, signInParent } from './reservations-world.js';
import type { HttpClient } from './support/http-client.js';
import { bodyOf, startTestApp, type Json, type TestApp } from './support/test-app.js';

// Tuesday 1 December 2026, 10:00 in Paris.
const clock = new FixedClock(new Date('2026-12-01T09:00:00Z'));
let app: TestApp;
let parent: HttpClient;
let familyId: string;
let lea: string;

beforeAll(async () => {
  app = await startTestApp({ clock, env: { READ_YOUR_WRITES_TIMEOUT_MS: '1000' } });
  await seedDemoTown(app.app, { info: () => undefined } as never);
  ({ client: parent, familyId } = await signInParent(app, 'claire.martin@demo.ardoise.fr'));
  [{ child_id: lea }] = await childrenOf(app.infrastructure.db, familyId, 1);
}, 60_000);
afterAll(async () => {
  await app?.close();
});

const cellState = (view: Json, date: string) => view.services.find((s: Json) => s.code === 'CANTINE').days.find((d: Json) => d.date === date).state;
const week = (headers: Record<string, string> = {}) => parent.get(`/families/${familyId}/children/${lea}/period?view=week&date=2026-12-07`, headers);

/** Locks the reservations read model against writes (reads go on): its next batch waits until `release()`. */
async function stallReservations(): Promise<{ release(): Promise<void> }> {
  const client = await app.infrastructure.pool.connect();
  const { rows } = await client.query(`SELECT generation FROM projection_generations WHERE projection = 'reservations' AND status = 'active'`);
  await client.query('BEGIN');
  await client.query(`LOCK TABLE reservation_lines__g${rows[0].generation} IN EXCLUSIVE MODE`);
  return {
    async release() {
      await client.query('COMMIT');
      client.release();
    },
  };
}

describe('read-your-writes', () => {
  it('a command answers Ardoise-Position; a query sent with it waits until the read model has it, then shows the write', async () => {
    const stall = await stallReservations();
    let released = false;
    try {
      expect((await parent.post(`/families/${familyId}/basket/lines`, { lines: [{ childId: lea, serviceCode: 'CANTINE', date: '2026-12-07' }] })).status).toBe(
        201,
      );
      const validated = await parent.post(`/families/${familyId}/basket/validation`, {});
      expect(validated.status).toBe(200);
      const position = validated.headers.get('ardoise-position');
      expect(position).toMatch(/\S+/);

      // Without the header the query answers at once, from a read model that lags.
      expect(cellState(await bodyOf(await week()), '2026-12-07')).not.toBe('validated');

      // With it, the query waits; the projection catches up meanwhile.
      const reading = week({ 'Ardoise-Min-Position': position! });
      await new Promise((resolve) => setTimeout(resolve, 150));
      await stall.release();
      released = true;
      const response = await reading;
      expect(response.status).toBe(200);
      expect(cellState(await bodyOf(response), '2026-12-07')).toBe('validated');
    } finally {
      if (!released) await stall.release();
    }
  });

  it('a read model that does not catch up in time: 503 problem+json in French with Retry-After, bounded by READ_YOUR_WRITES_TIMEOUT_MS', async () => {
    const stall = await stallReservations();
    try {
      const requested = await parent.post(`/families/${familyId}/basket/lines`, { lines: [{ childId: lea, serviceCode: 'CANTINE', date: '2026-12-08' }] });
      const position = requested.headers.get('ardoise-position')!;
      const started = Date.now();
      const response = await week({ 'Ardoise-Min-Position': position });
      const waited = Date.now() - started;
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('1');
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      const problem = await bodyOf(response);
      expect(problem).toMatchObject({ status: 503, code: 'PROJECTION.BEHIND', title: expect.stringContaining('réessayez') });
      expect(waited).toBeGreaterThanOrEqual(950);
      expect(waited).toBeLessThan(5000);
    } finally {
      await stall.release();
    }
  });

  it('a query that reads nothing the command wrote is not held up; a position already passed answers at once', async () => {
    const requested = await parent.post(`/families/${familyId}/basket/lines`, { lines: [{ childId: lea, serviceCode: 'CANTINE', date: '2026-12-10' }] });
    const position = requested.headers.get('ardoise-position')!;
    const first = await week({ 'Ardoise-Min-Position': position });
    expect(first.status).toBe(200);
    expect(cellState(await bodyOf(first), '2026-12-10')).toBe('requested');
    // Answered without waiting, shown without a clock (a loaded runner once took 517 ms for it): with
    // the read model held still, a query that waited would end in 503 after READ_YOUR_WRITES_TIMEOUT_MS.
    const stall = await stallReservations();
    try {
      expect((await week({ 'Ardoise-Min-Position': position })).status).toBe(200);
    } finally {
      await stall.release();
    }
  });

  it('a malformed position is a 400 in French and changes nothing', async () => {
    const response = await week({ 'Ardoise-Min-Position': 'not-a-position' });
    expect(response.status).toBe(400);
    expect((await bodyOf(response)).title).toMatch(/invalides/);
  });

  it('a query does not send Ardoise-Position; a command that appends nothing does not either', async () => {
    expect((await week()).headers.get('ardoise-position')).toBeNull();
    const refused = await parent.post(`/families/${familyId}/basket/lines`, { lines: [{ childId: lea, serviceCode: 'CANTINE', date: '2026-12-02' }] });
    expect(refused.headers.get('ardoise-position')).toBeNull();
  });
});
