import { randomUUID } from 'node:crypto';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { AggregateRepository, systemClock, systemContext, type RequestContext } from '#ardoise/commands';
import { runMigrations } from '#ardoise/database';
import { eventStoreMigrations, PostgresEventStore, type EventStore, type ReadStreamOptions } from '#ardoise/event-store';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { basketStream, type ReservationRef } from '../domain/reservation-events.js';
import { Baskets } from './baskets.js';

/** A "process": its own pool, store, pipeline and baskets, on the shared database; counts the basket events it reads. */
async function openProcess(url: string): Promise<{ baskets: Baskets; store: EventStore; eventsRead: () => number; close(): Promise<void> }> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  pool.on('error', () => undefined);
  const store = new PostgresEventStore(pool);
  let eventsRead = 0;
  const counted = Object.create(store) as EventStore;
  counted.readStream = async function* (streamId: string, options?: ReadStreamOptions) {
    for await (const event of store.readStream(streamId, options)) {
      eventsRead++;
      yield event;
    }
  };
  return {
    baskets: new Baskets(counted, new AggregateRepository(counted, systemClock)),
    store,
    eventsRead: () => eventsRead,
    async close() {
      await store.close();
      await pool.end();
    },
  };
}

const parent = (familyId: string, idempotencyKey?: string): RequestContext => ({
  ...systemContext({ userId: `parent-${familyId}`, role: 'parent', familyId }),
  ...(idempotencyKey ? { idempotencyKey } : {}),
});

const line = (familyId: string, date: string, childId = 'child-1'): ReservationRef => ({
  reservationId: randomUUID(),
  familyId,
  childId,
  serviceCode: 'CANTINE',
  date,
});

async function streamLength(store: EventStore, familyId: string): Promise<number> {
  let events = 0;
  for await (const _ of store.readStream(basketStream(familyId))) events++;
  return events;
}

describe('Baskets: a basket followed in memory, the store the judge (real PostgreSQL)', () => {
  let database: TestDatabase;
  let here: Awaited<ReturnType<typeof openProcess>>;
  let elsewhere: Awaited<ReturnType<typeof openProcess>>;

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 2 }) }) });
    await runMigrations(db, eventStoreMigrations);
    await db.destroy();
    here = await openProcess(database.url);
    elsewhere = await openProcess(database.url);
  }, 60_000);

  afterAll(async () => {
    await here.close();
    await elsewhere.close();
    await database.drop();
  }, 60_000);

  it('a command reads only the events after the revision it knows, however long the basket has grown', async () => {
    const familyId = randomUUID();
    for (let month = 1; month <= 9; month++) {
      const lines = Array.from({ length: 20 }, (_, d) => line(familyId, `2027-0${month}-${String(d + 1).padStart(2, '0')}`));
      await here.baskets.handle(familyId, { type: 'AddLines', familyId, lines }, parent(familyId), 5);
      const results = lines.map((l) => ({ reservationId: l.reservationId, outcome: 'validated' as const, code: null }));
      await here.baskets.handle(familyId, { type: 'Settle', familyId, results }, parent(familyId), 5);
    }
    expect(await streamLength(here.store, familyId)).toBe(9 * 21);

    const before = here.eventsRead();
    const basket = await here.baskets.current(familyId);
    await here.baskets.handle(familyId, { type: 'AddLines', familyId, lines: [line(familyId, '2027-10-01')] }, parent(familyId), 5);
    expect(basket.pending.size).toBe(0);
    // The one event it knew last (a page that holds it says "nothing new"), not the 189 of the stream.
    expect(here.eventsRead() - before).toBe(1);
  });

  it('sees at once what another process wrote, and a command decided on an older state is decided again on the caught-up one', async () => {
    const familyId = randomUUID();
    const first = line(familyId, '2027-01-04');
    await here.baskets.handle(familyId, { type: 'AddLines', familyId, lines: [first] }, parent(familyId), 5);

    // Another guardian, on another API instance, puts a day in the basket.
    const second = line(familyId, '2027-01-05');
    await elsewhere.baskets.handle(familyId, { type: 'AddLines', familyId, lines: [second] }, parent(familyId), 5);
    expect([...(await here.baskets.current(familyId)).pending.keys()].sort()).toEqual([first.reservationId, second.reservationId].sort());

    // ...then a third day: this process still knows the basket without it, decides on that,
    // and the append at its revision fails; decided again on the caught-up basket, the same
    // slot asked again under another id is found already there.
    const third = line(familyId, '2027-01-07');
    await elsewhere.baskets.handle(familyId, { type: 'AddLines', familyId, lines: [third] }, parent(familyId), 5);
    const again = await here.baskets.handle(familyId, { type: 'AddLines', familyId, lines: [{ ...third, reservationId: randomUUID() }] }, parent(familyId), 5);
    expect(again.events).toEqual([]);
    expect([...again.state.pending.keys()]).toContain(third.reservationId);

    // A line this process has not seen yet can be removed (a refusal on memory alone is checked on a fresh read).
    const fourth = line(familyId, '2027-01-08');
    await elsewhere.baskets.handle(familyId, { type: 'AddLines', familyId, lines: [fourth] }, parent(familyId), 5);
    await here.baskets.handle(familyId, { type: 'RemoveLine', familyId, reservationId: fourth.reservationId }, parent(familyId), 5);
    expect((await elsewhere.baskets.current(familyId)).pending.has(fourth.reservationId)).toBe(false);
    expect(await streamLength(here.store, familyId)).toBe(5);
  });

  it('never applies a request twice, even when another process applied it after this one last read the basket', async () => {
    const familyId = randomUUID();
    await here.baskets.handle(familyId, { type: 'AddLines', familyId, lines: [line(familyId, '2027-02-01')] }, parent(familyId), 5);
    const retried = line(familyId, '2027-02-02');
    await elsewhere.baskets.handle(familyId, { type: 'AddLines', familyId, lines: [retried] }, parent(familyId, 'key-1'), 5);
    // The same request (same Idempotency-Key) replayed on this process, the line under another id.
    const replay = await here.baskets.handle(
      familyId,
      { type: 'AddLines', familyId, lines: [{ ...retried, reservationId: randomUUID(), childId: 'child-2' }] },
      parent(familyId, 'key-1'),
      5,
    );
    expect(replay.replayed).toBe(true);
    expect(await streamLength(here.store, familyId)).toBe(2);
  });
});
