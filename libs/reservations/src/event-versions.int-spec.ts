import { randomUUID } from 'node:crypto';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { AggregateRepository, FixedClock, FollowedStreams } from '#ardoise/commands';
import { runMigrations } from '#ardoise/database';
import { eventStoreMigrations, PostgresEventStore, type RecordedEvent } from '#ardoise/event-store';
import { ProjectionRunner, projectionMigrations } from '#ardoise/projections';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { serviceDayStream } from './domain/reservation-events.js';
import { outcomeOf, serviceDayDecider } from './domain/service-day.decider.js';
import { reservationsProjector } from './projections/reservations.projector.js';

/**
 * A refusal written by an earlier Ardoise (ReservationRejected version 1: French words in
 * `message`) is read at version 2 (code + why the day was closed) by everything that folds
 * the log: deciders loading a stream, followed streams, and the projections.
 */
describe('an event of an older schema version (real PostgreSQL)', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let db: Kysely<Record<string, never>>; // raw SQL only
  let store: PostgresEventStore;
  const stream = serviceDayStream('CANTINE', '2026-04-06');
  const line = { reservationId: randomUUID(), familyId: randomUUID(), childId: randomUUID(), serviceCode: 'CANTINE', date: '2026-04-06' };
  const seen = { initialState: (): unknown[] => [], evolve: (state: unknown[], event: { data: unknown }) => [...state, event.data] };
  const asVersion2 = { ...line, code: 'DAY_CLOSED', dayClosed: { reason: 'PUBLIC_HOLIDAY', name: 'Lundi de Pâques' } };

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = new pg.Pool({ connectionString: database.url, max: 5 });
    pool.on('error', () => undefined);
    db = new Kysely<Record<string, never>>({ dialect: new PostgresDialect({ pool }) });
    await runMigrations(db, eventStoreMigrations, projectionMigrations);
    store = new PostgresEventStore(pool, { pollIntervalMs: 50 });
    const metadata = {
      actor: { userId: 'test', role: 'parent' },
      correlationId: randomUUID(),
      causationId: randomUUID(),
      occurredAt: '2026-04-01T08:00:00.000Z',
      schemaVersion: 1,
    };
    const words = 'La prestation n’a pas lieu ce jour-là. (Jour férié (Lundi de Pâques))';
    await store.append(stream, [{ id: randomUUID(), type: 'ReservationRejected', data: { ...line, code: 'DAY_CLOSED', message: words }, metadata }], {
      expectedRevision: 'no_stream',
    });
  }, 60_000);

  afterAll(async () => {
    await store.close();
    await db.destroy();
    await database.drop();
  }, 60_000);

  it('is stored as written (the log and its hash are history)', async () => {
    const stored: RecordedEvent[] = [];
    for await (const event of store.readStream(stream)) stored.push(event);
    expect(stored[0]!.metadata.schemaVersion).toBe(1);
    expect(stored[0]!.data).toHaveProperty('message');
  });

  it('is upcast when a decider loads the stream', async () => {
    const repository = new AggregateRepository(store, new FixedClock(new Date('2026-04-02T08:00:00Z')));
    expect((await repository.load(stream, seen)).state).toEqual([asVersion2]);
    const { state } = await repository.load(stream, serviceDayDecider);
    expect(outcomeOf(state, line.reservationId)).toEqual({ outcome: 'rejected', code: 'DAY_CLOSED' });
  });

  it('is upcast when a followed stream catches up', async () => {
    expect((await new FollowedStreams(store, seen).current(stream)).state).toEqual([asVersion2]);
  });

  it('is upcast when a projection folds it', async () => {
    const runner = new ProjectionRunner({
      pool,
      store,
      projectors: [reservationsProjector],
      logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    });
    // (The read model's view appears once the runner has built its first generation.)
    const line_ = () =>
      sql<{ status: string; code: string; closed_reason: string; closed_name: string }>`
        SELECT status, code, closed_reason, closed_name FROM reservation_lines WHERE reservation_id = ${line.reservationId}`
        .execute(db)
        .then(
          (result) => result.rows,
          () => [],
        );
    // Following the log live: on a shared cluster another database's open transaction may hold
    // the visibility horizon (xid8) back for a moment, so the event can land after a first pass.
    runner.start();
    try {
      for (const deadline = Date.now() + 30_000; (await line_()).length === 0 && Date.now() < deadline;) await new Promise((r) => setTimeout(r, 100));
      expect(await line_()).toEqual([{ status: 'rejected', code: 'DAY_CLOSED', closed_reason: 'PUBLIC_HOLIDAY', closed_name: 'Lundi de Pâques' }]);
    } finally {
      await runner.stop();
    }
  }, 60_000);
});
