import { randomUUID } from 'node:crypto';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { runMigrations } from '#ardoise/database';
import { defineEvent } from '#ardoise/kernel';
import { eventStoreMigrations, PostgresEventStore, type EventStore, type RecordedEvent } from '#ardoise/event-store';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { AggregateRepository } from './aggregate-repository.js';
import { FixedClock } from './clock.js';
import type { Decider, DomainEvent } from './decider.js';
import { FollowedStreams, type StreamFold } from './followed-streams.js';
import { GroupCommit } from './group-commit.js';
import { systemContext, type RequestContext } from './request-context.js';
import { followedStream } from './state-sources.js';

// The version an event is written with comes from its type's definition (decision 0008), never from the caller.
defineEvent('SeatBooked', { version: 2, upcasters: { 1: (data) => data } });

/** Seats of a small room: a booking beyond the capacity is refused. */
type Seat = DomainEvent<'SeatBooked', { who: string }>;
const room: Decider<{ booked: string[] }, { who: string; capacity: number }, Seat> = {
  initialState: () => ({ booked: [] }),
  evolve: (state, event) => ({ booked: [...state.booked, event.data.who] }),
  decide(command, state) {
    if (state.booked.length >= command.capacity) throw new Error('full');
    return [{ type: 'SeatBooked', data: { who: command.who } }];
  },
};

async function eventsOf(store: EventStore, streamId: string): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of store.readStream(streamId)) events.push(event);
  return events;
}

describe('the command pipeline with group commit (real PostgreSQL)', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let store: EventStore;
  let appends = 0;
  const pipeline = () => new AggregateRepository(store, new FixedClock(new Date('2026-03-02T08:00:00Z')));
  const writer = () => {
    const followed = new FollowedStreams(store, room as unknown as StreamFold<{ booked: string[] }>);
    return new GroupCommit(pipeline(), room, { maxBatch: 100, source: followedStream(followed), retriesOnConflict: 20 });
  };
  const keyed = (key: string): RequestContext => ({ ...systemContext(), idempotencyKey: key });

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 2 }) }) });
    await runMigrations(db, eventStoreMigrations);
    await db.destroy();
    pool = new pg.Pool({ connectionString: database.url, max: 10 });
    const inner = new PostgresEventStore(pool);
    store = Object.create(inner) as EventStore;
    store.append = (...args) => {
      appends++;
      return inner.append(...args);
    };
  }, 60_000);

  afterAll(async () => {
    await pool.end();
    await database.drop();
  }, 60_000);

  it('forty processes booking the same room at once never exceed its capacity', async () => {
    const stream = `room-${randomUUID()}`;
    const results = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => writer().execute(stream, { who: `p${i}`, capacity: 30 }, systemContext())));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(30);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(10);
    expect((await eventsOf(store, stream)).map((e) => e.revision)).toEqual(Array.from({ length: 30 }, (_, i) => BigInt(i)));
  });

  it('one writer queues the commands of a stream: one append for a batch', async () => {
    const stream = `room-${randomUUID()}`;
    const one = writer();
    const before = appends;
    await Promise.all(Array.from({ length: 20 }, (_, i) => one.execute(stream, { who: `q${i}`, capacity: 100 }, systemContext())));
    expect(appends - before).toBeLessThanOrEqual(2);
    const events = await eventsOf(store, stream);
    expect(events).toHaveLength(20);
    expect(events.every((e) => e.metadata.schemaVersion === 2)).toBe(true);
  });

  it('a request retried after a crash is not applied twice to a hot stream (Idempotency-Key)', async () => {
    const stream = `room-${randomUUID()}`;
    const first = await writer().execute(stream, { who: 'ana', capacity: 5 }, keyed('request-ana-1'));
    expect(first.replayed).toBe(false);
    const again = await writer().execute(stream, { who: 'ana', capacity: 5 }, keyed('request-ana-1'));
    expect(again.replayed).toBe(true);
    expect((await eventsOf(store, stream)).map((e) => e.metadata.idempotencyKey)).toEqual(['request-ana-1']);
  });

  it('a decision taken on memory alone is checked by the store: after another process wrote, it is decided again on what it wrote', async () => {
    const stream = `room-${randomUUID()}`;
    const here = writer();
    await here.execute(stream, { who: 'a', capacity: 1 }, systemContext());
    await expect(here.execute(stream, { who: 'b', capacity: 1 }, systemContext())).rejects.toThrow('full');
    // With a larger room, the cached state (1 booked) is stale once another process appends.
    await pipeline().handle(stream, room, { who: 'elsewhere', capacity: 10 }, systemContext());
    const after = await here.execute(stream, { who: 'c', capacity: 10 }, systemContext());
    expect(after.state.booked).toEqual(['a', 'elsewhere', 'c']);
  });
});
