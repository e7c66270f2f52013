import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { runMigrations } from '#ardoise/database';
import {
  PostgresEventStore,
  eventStoreMigrations,
  findFirstBrokenLink,
  NO_EVENTS_TRANSACTION_MARK_SQL,
  toPgPosition,
  type ChainedEvent,
  type EventData,
  type RecordedEvent,
} from '#ardoise/event-store';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { runEventStoreContract } from './event-store.contract.js';

async function migratedDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase();
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 1 }) }) });
  await runMigrations(db, eventStoreMigrations);
  await db.destroy();
  return database;
}

runEventStoreContract('PostgreSQL', async () => {
  const database = await migratedDatabase();
  const pool = new pg.Pool({ connectionString: database.url, max: 10 });
  pool.on('error', () => undefined); // DROP DATABASE … WITH (FORCE) may hit a closing client
  const store = new PostgresEventStore(pool, { pollIntervalMs: 100, pageSize: 500 });
  return {
    store,
    async teardown() {
      await store.close();
      await pool.end();
      await database.drop();
    },
  };
});

describe('PostgresEventStore — PostgreSQL specifics', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let store: PostgresEventStore;
  const closers: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    database = await migratedDatabase();
    pool = new pg.Pool({ connectionString: database.url, max: 10 });
    pool.on('error', () => undefined);
    store = new PostgresEventStore(pool, { pollIntervalMs: 100 });
  }, 60_000);

  afterAll(async () => {
    for (const close of closers.reverse()) await close();
    await store.close();
    await pool.end();
    await database.drop();
  }, 60_000);

  const event = (type = 'SomethingHappened', data: unknown = {}): EventData => ({
    id: randomUUID(),
    type,
    data,
    metadata: {
      actor: { userId: 'user-1', role: 'agent' },
      correlationId: randomUUID(),
      causationId: randomUUID(),
      occurredAt: new Date().toISOString(),
      schemaVersion: 1,
    },
  });

  async function lastPosition() {
    const [last] = await collectAll(store.readAll({ direction: 'backwards', maxCount: 1 }));
    return last?.position;
  }
  async function collectAll<T>(iterable: AsyncIterable<T>): Promise<T[]> {
    const out: T[] = [];
    for await (const item of iterable) out.push(item);
    return out;
  }

  /** Drains whatever the iterator yields within `ms`, without ending it. */
  function recorder(iterator: AsyncIterator<RecordedEvent>) {
    const received: RecordedEvent[] = [];
    let failure: unknown;
    void (async () => {
      try {
        for (;;) {
          const next = await iterator.next();
          if (next.done) return;
          received.push(next.value);
        }
      } catch (error) {
        failure = error;
      }
    })();
    return {
      received,
      async waitFor(n: number, timeoutMs = 10_000) {
        const deadline = Date.now() + timeoutMs;
        while (received.length < n && !failure && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
        if (failure) throw failure;
        if (received.length < n) throw new Error(`received ${received.length}/${n}`);
      },
    };
  }

  it('a slow transaction that commits after a faster, later one while a subscription is live: the subscriber gets both, in commit-safe order, exactly once', async () => {
    const cat = `slow${randomUUID().slice(0, 8)}`;
    const subscription = store.subscribeToAll({ fromPosition: await lastPosition(), filter: { streamPrefixes: [`${cat}-`] } });
    closers.push(() => subscription.close());
    const live = recorder(subscription[Symbol.asyncIterator]());

    // The subscription is live: it has caught up and delivers a fresh event.
    await store.append(`${cat}-marker`, [event('Marker')], { expectedRevision: 'no_stream' });
    await live.waitFor(1);

    // A second adapter whose only connection sits inside an open transaction: its append
    // runs the adapter's own SQL and takes an xid and a global_position, uncommitted.
    const slowPool = new pg.Pool({ connectionString: database.url, max: 1 });
    closers.push(() => slowPool.end());
    const slowClient = await slowPool.connect();
    await slowClient.query('BEGIN');
    slowClient.release();
    const slowStore = new PostgresEventStore(slowPool, { notifyChannel: false });
    const slow = event('SlowCommitted');
    const slowResult = await slowStore.append(`${cat}-slow`, [slow], { expectedRevision: 'no_stream' });

    // A later, faster transaction: larger xid and larger global_position, committed now.
    const fast = event('FastCommitted');
    const fastResult = await store.append(`${cat}-fast`, [fast], { expectedRevision: 'no_stream' });
    const s = toPgPosition(slowResult.position);
    const f = toPgPosition(fastResult.position);
    expect(s.transactionId).toBeLessThan(f.transactionId);
    expect(s.globalPosition).toBeLessThan(f.globalPosition);

    // The fast event is committed, yet held back while the slow transaction is open:
    // delivering it now would let a checkpoint jump over the slow one.
    await new Promise((r) => setTimeout(r, 600)); // several poll intervals + the NOTIFY
    expect(live.received.map((e) => e.type)).toEqual(['Marker']);
    const direct = await pool.query('SELECT count(*)::int AS n FROM events WHERE event_id = $1', [fast.id]);
    expect(direct.rows[0].n).toBe(1);

    const commitClient = await slowPool.connect();
    await commitClient.query('COMMIT');
    commitClient.release();

    await live.waitFor(3);
    await new Promise((r) => setTimeout(r, 300)); // nothing more may come
    expect(live.received.map((e) => e.type)).toEqual(['Marker', 'SlowCommitted', 'FastCommitted']);
    expect(live.received[1]!.id).toBe(slow.id);
    expect(live.received[2]!.id).toBe(fast.id);
    expect(store.positions.compare(live.received[1]!.position, live.received[2]!.position)).toBeLessThan(0);
    const all = await collectAll(store.readAll({ filter: { streamPrefixes: [`${cat}-`] } }));
    expect(all.map((e) => e.id)).toEqual(live.received.map((e) => e.id));
    await slowStore.close();
  }, 30_000);

  it('events of a rolled-back transaction never appear and do not block later ones', async () => {
    const cat = `rb${randomUUID().slice(0, 8)}`;
    const subscription = store.subscribeToAll({ fromPosition: await lastPosition(), filter: { streamPrefixes: [`${cat}-`] } });
    closers.push(() => subscription.close());
    const live = recorder(subscription[Symbol.asyncIterator]());
    const txPool = new pg.Pool({ connectionString: database.url, max: 1 });
    closers.push(() => txPool.end());
    const c = await txPool.connect();
    await c.query('BEGIN');
    c.release();
    const txStore = new PostgresEventStore(txPool, { notifyChannel: false });
    await txStore.append(`${cat}-ghost`, [event('Ghost')], { expectedRevision: 'no_stream' });
    await store.append(`${cat}-real`, [event('Real')], { expectedRevision: 'no_stream' });
    const c2 = await txPool.connect();
    await c2.query('ROLLBACK');
    c2.release();
    await live.waitFor(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(live.received.map((e) => e.type)).toEqual(['Real']);
    expect(await store.streamRevision(`${cat}-ghost`)).toBeUndefined();
    await txStore.close();
  });

  /** Opens a transaction that holds an xid on `url` (optionally marked as never appending events). */
  async function openWritingTransaction(url: string, marked: boolean): Promise<{ end(): Promise<void> }> {
    const client = new pg.Client({ connectionString: url });
    client.on('error', () => undefined);
    await client.connect();
    await client.query('BEGIN');
    if (marked) await client.query(`SELECT ${NO_EVENTS_TRANSACTION_MARK_SQL}`);
    await client.query('SELECT pg_current_xact_id()'); // takes an xid, as a first write does
    return {
      async end() {
        await client.query('ROLLBACK').catch(() => undefined);
        await client.end();
      },
    };
  }

  it('the visibility cut does not wait for a transaction marked as never appending events (a projection batch), nor for another database', async () => {
    const cat = `cut${randomUUID().slice(0, 8)}`;
    const subscription = store.subscribeToAll({ fromPosition: await lastPosition(), filter: { streamPrefixes: [`${cat}-`] } });
    closers.push(() => subscription.close());
    const live = recorder(subscription[Symbol.asyncIterator]());
    const serverUrl = process.env.ARDOISE_TEST_SERVER_URL ?? process.env.DATABASE_URL!;
    const projectionBatch = await openWritingTransaction(database.url, true);
    const otherDatabase = await openWritingTransaction(serverUrl, false);
    try {
      const started = Date.now();
      await store.append(`${cat}-1`, [event('WhileOthersRun')], { expectedRevision: 'no_stream' });
      // The held transactions stay open until the end: waiting for them would never deliver. The
      // bound catches that, not a loaded runner.
      await live.waitFor(1, 30_000);
      expect(Date.now() - started).toBeLessThan(30_000);
      // An unmarked writer of this database still holds the cut back (it may append events).
      const writer = await openWritingTransaction(database.url, false);
      try {
        await store.append(`${cat}-2`, [event('HeldBack')], { expectedRevision: 'no_stream' });
        await new Promise((r) => setTimeout(r, 400));
        expect(live.received.map((e) => e.type)).toEqual(['WhileOthersRun']);
      } finally {
        await writer.end();
      }
      await live.waitFor(2, 30_000);
      expect(live.received.map((e) => e.type)).toEqual(['WhileOthersRun', 'HeldBack']);
    } finally {
      await projectionBatch.end();
      await otherDatabase.end();
    }
  });

  it('NOTIFY wakes a subscriber of another adapter instance long before its poll interval', async () => {
    const cat = `ntf${randomUUID().slice(0, 8)}`;
    const other = new PostgresEventStore(pool, { pollIntervalMs: 60_000 });
    closers.push(() => other.close());
    const subscription = other.subscribeToAll({ fromPosition: await lastPosition(), filter: { streamPrefixes: [`${cat}-`] } });
    const live = recorder(subscription[Symbol.asyncIterator]());
    // It listens before its first read: once it has a first event, the next one can only come by NOTIFY
    // (or by its poll, a minute later). No fixed pause: a loaded runner may take longer than one to LISTEN.
    await store.append(`${cat}-0`, [event()], { expectedRevision: 'no_stream' });
    await live.waitFor(1, 30_000);
    const started = Date.now();
    await store.append(`${cat}-1`, [event()], { expectedRevision: 'no_stream' });
    await live.waitFor(2, 30_000);
    expect(Date.now() - started).toBeLessThan(30_000); // long before the poll interval (60 s)
    await subscription.close();
  });

  /**
   * A subscription to `wanted` types on an adapter that only NOTIFY wakes (a one-minute poll),
   * asleep after its first event; `quiet` appends without notifying; `payloads` records what
   * the channel carries, seen by a LISTEN client of its own.
   */
  async function asleepOnTypes(wanted: string[]) {
    const listening = new pg.Client({ connectionString: database.url });
    await listening.connect();
    const payloads: string[] = [];
    listening.on('notification', (message) => payloads.push(message.payload ?? ''));
    await listening.query('LISTEN ardoise_events');
    const other = new PostgresEventStore(pool, { pollIntervalMs: 60_000 });
    const quiet = new PostgresEventStore(pool, { notifyChannel: false });
    closers.push(
      () => listening.end(),
      () => other.close(),
      () => quiet.close(),
    );
    const subscription = other.subscribeToAll({ fromPosition: await lastPosition(), filter: { eventTypes: wanted } });
    const live = recorder(subscription[Symbol.asyncIterator]());
    await store.append(`typed-${randomUUID()}`, [event(wanted[0])], { expectedRevision: 'no_stream' });
    await live.waitFor(1, 30_000);
    /** Runs `append`, then waits for the NOTIFY that follows it; returns its payload. */
    const notified = async (append: () => Promise<unknown>) => {
      const seen = payloads.length;
      await append();
      const deadline = Date.now() + 30_000;
      while (payloads.length === seen && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      return payloads.slice(seen).join('\n');
    };
    return { live, quiet, notified, subscription };
  }
  /** Long enough for a woken subscription to read the cut and the log, on a loaded runner. */
  const WAKE_MS = 1_500;

  it('a subscription to some event types is not woken by an append of other types only, and is by an append of one of its types', async () => {
    const [a, b] = [`A${randomUUID().slice(0, 8)}`, `B${randomUUID().slice(0, 8)}`];
    const { live, quiet, notified, subscription } = await asleepOnTypes([a]);
    await quiet.append(`typed-${randomUUID()}`, [event(a)], { expectedRevision: 'no_stream' });
    const onlyB = await notified(() => store.append(`typed-${randomUUID()}`, [event(b), event(b)], { expectedRevision: 'no_stream' }));
    await new Promise((r) => setTimeout(r, WAKE_MS));
    expect(live.received).toHaveLength(1); // asleep: the A appended quietly is still unread
    expect(onlyB).toBe(b); // one line per type appended, without repeats

    const withA = await notified(() => store.append(`typed-${randomUUID()}`, [event(b), event(a)], { expectedRevision: 'no_stream' }));
    await live.waitFor(3, 30_000);
    expect(withA.split('\n').sort()).toEqual([a, b].sort());
    expect(live.received.map((e) => e.type)).toEqual([a, a, a]);
    await subscription.close();
  });

  it('a NOTIFY without types (another sender) wakes every subscription', async () => {
    const [a, b] = [`A${randomUUID().slice(0, 8)}`, `B${randomUUID().slice(0, 8)}`];
    const { live, quiet, notified, subscription } = await asleepOnTypes([a]);
    await quiet.append(`typed-${randomUUID()}`, [event(a)], { expectedRevision: 'no_stream' });
    await notified(() => store.append(`typed-${randomUUID()}`, [event(b)], { expectedRevision: 'no_stream' }));
    await new Promise((r) => setTimeout(r, WAKE_MS));
    expect(live.received).toHaveLength(1);

    expect(await notified(() => pool.query("SELECT pg_notify('ardoise_events', '')"))).toBe('');
    await live.waitFor(2, 30_000);
    await subscription.close();
  });

  it('an append of more types than a NOTIFY payload holds (8,000 bytes) notifies without types, which wakes every subscription', async () => {
    const [a, b] = [`A${randomUUID().slice(0, 8)}`, `B${randomUUID().slice(0, 8)}`];
    const { live, quiet, notified, subscription } = await asleepOnTypes([a]);
    await quiet.append(`typed-${randomUUID()}`, [event(a)], { expectedRevision: 'no_stream' });
    const many = (n: number) => Array.from({ length: n }, (_, i) => event(`${b}-${String(i).padStart(3, '0')}-${'x'.repeat(200)}`));
    const fitting = await notified(() => store.append(`typed-${randomUUID()}`, many(30), { expectedRevision: 'no_stream' })); // 6.6 kB of types
    await new Promise((r) => setTimeout(r, WAKE_MS));
    expect(live.received).toHaveLength(1);
    expect(fitting.split('\n')).toHaveLength(30);

    const tooLong = await notified(() => store.append(`typed-${randomUUID()}`, many(40), { expectedRevision: 'no_stream' })); // 8.8 kB
    await live.waitFor(2, 30_000);
    expect(tooLong).toBe('');
    await subscription.close();
  });

  it('two adapter instances (two api processes) append to one stream: stale head caches cost a retry, never a broken chain', async () => {
    const other = new PostgresEventStore(pool);
    closers.push(() => other.close());
    const id = `family-${randomUUID()}`;
    await store.append(id, [event()], { expectedRevision: 'no_stream' });
    await collectAll(other.readStream(id)); // other caches head 0
    await store.append(id, [event()], { expectedRevision: 0n });
    await store.append(id, [event()], { expectedRevision: 'any' });
    // other's cache says 0: its 'any' append must still land at 3, chained to 2
    expect((await other.append(id, [event()], { expectedRevision: 'any' })).nextRevision).toBe(3n);
    await expect(other.append(id, [event()], { expectedRevision: 0n })).rejects.toMatchObject({ actual: 3n });
    expect((await store.append(id, [event()], { expectedRevision: 3n })).nextRevision).toBe(4n);
    const read = await collectAll(store.readStream(id));
    expect(await findFirstBrokenLink(read)).toBeUndefined();
  });

  it('every stored row recomputes with event-hash.ts (hash chain of the whole table)', async () => {
    const { rows } = await pool.query(
      `SELECT stream_id AS "streamId", revision::text AS revision, type, data, metadata, hash, previous_hash AS "previousHash"
       FROM events ORDER BY stream_id, events.revision`,
    );
    expect(rows.length).toBeGreaterThan(5);
    const byStream = new Map<string, ChainedEvent[]>();
    for (const row of rows) {
      const list = byStream.get(row.streamId) ?? [];
      list.push({ ...row, revision: BigInt(row.revision) });
      byStream.set(row.streamId, list);
    }
    for (const [, events] of byStream) expect(await findFirstBrokenLink(events)).toBeUndefined();
    // and a single edited byte is caught
    const [streamId, events] = [...byStream.entries()][0]!;
    const tampered = events.map((e, i) => (i === 0 ? { ...e, data: { ...(e.data as object), injected: true } } : e));
    expect(await findFirstBrokenLink(tampered)).toMatchObject({ kind: 'hash-mismatch', streamId, revision: 0n });
  });

  it('the events table is append-only: UPDATE and DELETE are refused', async () => {
    const id = `family-${randomUUID()}`;
    await store.append(id, [event()], { expectedRevision: 'no_stream' });
    await expect(pool.query(`UPDATE events SET type = 'X' WHERE stream_id = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(pool.query(`DELETE FROM events WHERE stream_id = $1`, [id])).rejects.toThrow(/append-only/);
  });

  it('positions are (transaction id, global position) and encode as "<xid>-<global>"', async () => {
    const result = await store.append(`family-${randomUUID()}`, [event()], { expectedRevision: 'no_stream' });
    const p = toPgPosition(result.position);
    expect(store.positions.encode(result.position)).toBe(`${p.transactionId}-${p.globalPosition}`);
  });
});
