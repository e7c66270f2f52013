import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { CatalogueReader, serviceStream } from '#ardoise/catalogue';
import { runMigrations } from '#ardoise/database';
import { PostgresEventStore, eventStoreMigrations } from '#ardoise/event-store';
import { familiesProjector, FamilyChildrenReader } from '#ardoise/families';
import { createTestDatabase, type TestDatabase } from '../../../../../test/support/test-database.js';
import { readDuringProjection } from '../../../../../test/support/read-during-projection.js';
import { reservationsProjector } from '../../projections/reservations.projector.js';
import { GetDayListHandler } from './get-day-list.handler.js';
import { GetDayList } from './get-day-list.query.js';

/**
 * The attendance sheet reads the day's bookings, then its attendance marks. A projection's
 * commit between the two must not lose a child: one who came without a booking, booked late by
 * an agent (the booking and the mark, now « present », committed together), is on the sheet
 * either as came without a booking or as booked — never on neither list.
 */
describe('the attendance sheet reads one moment of the read models (real PostgreSQL)', () => {
  const FAMILY = '11111111-1111-4111-8111-111111111111';
  const CHILD = '22222222-2222-4222-8222-222222222222';
  const RESERVATION = '33333333-3333-4333-8333-333333333333';
  const DAY = '2026-03-02';
  let database: TestDatabase;
  let pool: pg.Pool;
  let db: Kysely<any>;
  let store: PostgresEventStore;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = new pg.Pool({ connectionString: database.url, max: 10 });
    db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
    await runMigrations(db, eventStoreMigrations);
    store = new PostgresEventStore(pool);
    for (const table of [...reservationsProjector.tables, ...familiesProjector.tables]) await table.create(db, table.name);
    await store.append(
      serviceStream('CANTINE'),
      [
        {
          id: randomUUID(),
          type: 'ServiceDefined',
          data: { code: 'CANTINE', label: 'Cantine', kind: 'canteen', weekdays: [1, 2, 4, 5], dailyCapacity: null },
          metadata: {
            actor: { userId: 'test', role: 'admin' },
            correlationId: randomUUID(),
            causationId: randomUUID(),
            occurredAt: new Date().toISOString(),
            schemaVersion: 1,
          },
        },
      ],
      { expectedRevision: 'no_stream' },
    );
    await db
      .insertInto('reservation_attendance')
      .values({ service_code: 'CANTINE', date: DAY, child_id: CHILD, family_id: FAMILY, status: 'present_unbooked', recorded_at: new Date() })
      .execute();
  }, 60_000);

  afterAll(async () => {
    await store.close();
    await db.destroy();
    await database.drop();
  }, 60_000);

  it('shows a child booked late once, as booked or as came without a booking, when the booking is projected during the read', async () => {
    const handler = new GetDayListHandler(db, new CatalogueReader(store, db), new FamilyChildrenReader(db));
    // The late booking's projection: its reservation line, then the mark, the marks' table held
    // until the commit so that the read's later statements come after it.
    const sheet = await readDuringProjection(
      pool,
      [
        `INSERT INTO reservation_lines (reservation_id, family_id, child_id, service_code, date, status, overridden, updated_at)
         VALUES ('${RESERVATION}', '${FAMILY}', '${CHILD}', 'CANTINE', '${DAY}', 'validated', true, now())`,
        'LOCK TABLE reservation_attendance IN ACCESS EXCLUSIVE MODE',
        `UPDATE reservation_attendance SET status = 'present', reservation_id = '${RESERVATION}' WHERE child_id = '${CHILD}'`,
      ],
      'reservation_attendance',
      () => handler.execute(new GetDayList('CANTINE', DAY)),
    );
    const listed = [...sheet.children, ...sheet.presentWithoutBooking].map((c) => c.childId);
    expect(listed).toEqual([CHILD]);
  }, 120_000);
});
