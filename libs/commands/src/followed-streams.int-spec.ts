import { randomUUID } from 'node:crypto';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { runMigrations } from '#ardoise/database';
import { eventStoreMigrations, PostgresEventStore, type EventData, type EventStore, type ReadStreamOptions } from '#ardoise/event-store';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { FollowedStreams, type StreamFold } from './followed-streams.js';

const tick = (n: number): EventData => ({
  id: randomUUID(),
  type: 'Ticked',
  data: { n },
  metadata: {
    actor: { userId: 'test', role: 'agent' },
    correlationId: randomUUID(),
    causationId: randomUUID(),
    occurredAt: new Date().toISOString(),
    schemaVersion: 1,
  },
});

/** Folds in place (like a service day): an event folded twice would show twice. */
const ticks: StreamFold<{ seen: number[] }> = {
  initialState: () => ({ seen: [] }),
  evolve: (state, event) => {
    state.seen.push((event.data as { n: number }).n);
    return state;
  },
};

/** Two "processes": each its own pool and store on the same database. */
async function openStore(url: string): Promise<{ store: EventStore; reads: () => number; close(): Promise<void> }> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on('error', () => undefined);
  const store = new PostgresEventStore(pool);
  let reads = 0;
  const counted = Object.create(store) as EventStore;
  counted.readStream = (streamId: string, options?: ReadStreamOptions) => {
    reads++;
    return store.readStream(streamId, options);
  };
  return {
    store: counted,
    reads: () => reads,
    async close() {
      await store.close();
      await pool.end();
    },
  };
}

describe('FollowedStreams (real PostgreSQL)', () => {
  let database: TestDatabase;
  let here: Awaited<ReturnType<typeof openStore>>;
  let elsewhere: Awaited<ReturnType<typeof openStore>>;

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 2 }) }) });
    await runMigrations(db, eventStoreMigrations);
    await db.destroy();
    here = await openStore(database.url);
    elsewhere = await openStore(database.url);
  }, 60_000);

  afterAll(async () => {
    await here.close();
    await elsewhere.close();
    await database.drop();
  }, 60_000);

  it('a change another process committed before the call is always seen', async () => {
    const followed = new FollowedStreams(here.store, ticks);
    expect((await followed.current('rules-a')).revision).toBeUndefined();
    await elsewhere.store.append('rules-a', [tick(1)], { expectedRevision: 'no_stream' });
    expect((await followed.current('rules-a')).state.seen).toEqual([1]);
    await elsewhere.store.append('rules-a', [tick(2), tick(3)], { expectedRevision: 0n });
    const now = await followed.current('rules-a');
    expect(now.state.seen).toEqual([1, 2, 3]);
    expect(now.revision).toBe(2n);
  });

  it('callers arriving together share reads, and none joins a read that started before it', async () => {
    const followed = new FollowedStreams(here.store, ticks);
    await elsewhere.store.append('rules-b', [tick(1)], { expectedRevision: 'no_stream' });
    await followed.current('rules-b');
    const before = here.reads();
    const first = followed.current('rules-b'); // starts a read now
    // Committed after that read was sent: the callers below must still see it.
    await elsewhere.store.append('rules-b', [tick(2)], { expectedRevision: 0n });
    const later = await Promise.all(Array.from({ length: 50 }, () => followed.current('rules-b')));
    await first;
    for (const result of later) expect(result.state.seen).toEqual([1, 2]);
    // At most: the earlier caller's read, one started by the first of the fifty, one shared by the 49 others.
    expect(here.reads() - before).toBeLessThanOrEqual(3);
  });

  it('never folds an event twice, whatever reads and appends interleave', async () => {
    const followed = new FollowedStreams(here.store, ticks);
    let revision: bigint | undefined;
    const writes = (async () => {
      for (let n = 0; n < 30; n++) {
        revision = (await elsewhere.store.append('rules-c', [tick(n)], { expectedRevision: revision ?? 'no_stream' })).nextRevision;
      }
    })();
    const readers = Array.from({ length: 20 }, async () => {
      for (let i = 0; i < 10; i++) await followed.current('rules-c');
    });
    await Promise.all([writes, ...readers]);
    const final = await followed.current('rules-c');
    expect(final.state.seen).toEqual(Array.from({ length: 30 }, (_, n) => n));
    expect(final.revision).toBe(29n);
  });

  it('after this process appended, only what came after is read, and a forgotten stream is read whole again', async () => {
    const followed = new FollowedStreams(here.store, ticks);
    const { nextRevision } = await here.store.append('rules-d', [tick(1)], { expectedRevision: 'no_stream' });
    followed.remember('rules-d', { state: { seen: [1] }, revision: nextRevision });
    await elsewhere.store.append('rules-d', [tick(2)], { expectedRevision: nextRevision });
    expect((await followed.current('rules-d')).state.seen).toEqual([1, 2]);
    followed.forget('rules-d');
    expect((await followed.current('rules-d')).state.seen).toEqual([1, 2]);
  });
});
