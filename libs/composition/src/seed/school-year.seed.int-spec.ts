import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { seedSchoolYearInto } from '../school-year-app.js';
import { canonicalLog, firstDifference, type LoggedEvent } from './canonical-log.js';

/**
 * The same seed number gives the same school year, whatever the number of families served
 * at once: the same events per type, and stream by stream the same events in the same order
 * (ids drawn at random named by where they appear). Full days are where it used to differ:
 * families served at once reached a day in the order their reads returned, so who got the
 * last places and who went on the waiting list changed from one run to the next.
 */
describe('the school-year seed (real PostgreSQL)', () => {
  const databases: TestDatabase[] = [];

  afterAll(async () => {
    await Promise.all(databases.map((d) => d.drop()));
  }, 120_000);

  async function seeded(concurrency: number): Promise<{ events: number; log: ReturnType<typeof canonicalLog> }> {
    const database = await createTestDatabase();
    databases.push(database);
    const report = await seedSchoolYearInto(database.url, { scale: 'town', seed: 11, families: 120, months: 1, concurrency });
    const pool = new pg.Pool({ connectionString: database.url, max: 1 });
    try {
      const { rows } = await pool.query<LoggedEvent>('SELECT stream_id AS "streamId", type, data FROM events ORDER BY global_position');
      return { events: report.events, log: canonicalLog(rows) };
    } finally {
      await pool.end();
    }
  }

  it('writes the same events from the same seed number, one family at a time or many at once', async () => {
    const many = await seeded(96);
    const few = await seeded(7);
    expect(many.log.types.ReservationWaitlisted).toBeGreaterThan(0);
    expect(many.log.types.ReservationPromoted).toBeGreaterThan(0);
    expect(few.log.types).toEqual(many.log.types);
    expect(few.events).toBe(many.events);
    expect(firstDifference(few.log, many.log)).toBeUndefined();
  }, 600_000);
});
