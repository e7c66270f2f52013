import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { runMigrations } from '#ardoise/database';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { identityMigrations } from '../identity.migrations.js';
import { PostgresThrottlerStorage } from './postgres-throttler-storage.js';

describe('rate-limit counters in PostgreSQL', () => {
  let database: TestDatabase;
  let pools: Kysely<any>[];
  let db: Kysely<any>;

  beforeAll(async () => {
    database = await createTestDatabase();
    // Two pools: two API processes sharing one database.
    pools = [0, 1].map(() => new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 8 }) }) }));
    db = pools[0]!;
    await runMigrations(db, identityMigrations);
  });
  afterAll(async () => {
    for (const pool of pools) await pool.destroy();
    await database.drop();
  });

  it('counts concurrent hits from two processes exactly: the limit lets through that many, no more', async () => {
    const stores = pools.map((pool) => new PostgresThrottlerStorage(pool));
    const records = await Promise.all(Array.from({ length: 60 }, (_, i) => stores[i % 2]!.increment('k-concurrent', 60_000, 10, 120_000, 'test')));
    expect(records.filter((r) => !r.isBlocked)).toHaveLength(10);
    const blocked = records.filter((r) => r.isBlocked);
    expect(blocked).toHaveLength(50);
    expect(Math.min(...blocked.map((r) => r.timeToBlockExpire))).toBeGreaterThan(100);
  });

  it('starts afresh once the window is over, and once the block is over', async () => {
    const store = new PostgresThrottlerStorage(db);
    expect((await store.increment('k-window', 60_000, 2, 60_000, 'test')).totalHits).toBe(1);
    expect((await store.increment('k-window', 60_000, 2, 60_000, 'test')).totalHits).toBe(2);
    expect((await store.increment('k-window', 60_000, 2, 60_000, 'test')).isBlocked).toBe(true);
    await sql`UPDATE rate_limit_counters SET window_ends_at = now() - interval '1 second', blocked_until = now() - interval '1 second'`.execute(db);
    expect(await store.increment('k-window', 60_000, 2, 60_000, 'test')).toMatchObject({ totalHits: 1, isBlocked: false, timeToBlockExpire: 0 });
    await store.sweep(); // k-concurrent's window and block are over too: forgotten
    expect((await db.selectFrom('rate_limit_counters').select('key').execute()).map((r) => r.key)).toEqual(['k-window']);
  });
});
