import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { runMigrations } from '#ardoise/database';
import { PostgresEventStore, eventStoreMigrations, type EventData } from '#ardoise/event-store';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { EventBrowser } from './event-browser.js';

const anEvent = (): EventData => ({
  id: randomUUID(),
  type: 'Probed',
  data: {},
  metadata: {
    actor: { userId: 'test', role: 'agent' },
    correlationId: randomUUID(),
    causationId: randomUUID(),
    occurredAt: '2020-01-01T00:00:00.000Z',
    schemaVersion: 1,
  },
});

describe('the event browser’s period (real PostgreSQL)', () => {
  let database: TestDatabase;
  let db: Kysely<any>;
  let store: PostgresEventStore;

  beforeAll(async () => {
    database = await createTestDatabase();
    const pool = new pg.Pool({ connectionString: database.url, max: 5 });
    pool.on('error', () => undefined);
    db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
    await runMigrations(db, eventStoreMigrations);
    store = new PostgresEventStore(pool, { notifyChannel: false });
  }, 60_000);

  afterAll(async () => {
    await store.close();
    await db.destroy();
    await database.drop();
  });

  it('reads only the period, through the index by recorded time, instead of the log from its start', async () => {
    for (let i = 0; i < 8; i++) await store.append(`probe-old${i}`, Array.from({ length: 50 }, anEvent), { expectedRevision: 'any' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const { rows } = await sql<{ now: Date }>`SELECT now() AS now`.execute(db);
    const from = rows[0]!.now;
    await store.append('probe-new', Array.from({ length: 5 }, anEvent), { expectedRevision: 'any' });

    const page = await new EventBrowser(store).pageAll({ reader: { role: 'auditor' }, criteria: { from }, limit: 50 });
    expect(page.events).toHaveLength(5);
    expect(page.events.every((e) => e.streamId === 'probe-new')).toBe(true);
    expect(page.scanned).toBe(5); // not the 400 events before the period

    const before = await new EventBrowser(store).pageAll({ reader: { role: 'auditor' }, criteria: { to: from }, limit: 500 });
    expect(before.events).toHaveLength(400);

    const { rows: indexes } = await sql<{
      indexdef: string;
    }>`SELECT indexdef FROM pg_indexes WHERE tablename = 'events' AND indexdef LIKE '%(recorded_at)%'`.execute(db);
    expect(indexes).toHaveLength(1);
  }, 60_000);
});
