import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { createPool } from './pool.js';

/**
 * A busy pool queues: a request that waits for a free connection longer than the bound on
 * opening one (DATABASE_CONNECT_TIMEOUT_MS, 2 s: an outage's fail-fast) still gets its
 * connection. At start, the projections' first builds and a seed may hold every connection
 * for seconds; an acknowledged request must not fail for it.
 */
describe('the pool (real PostgreSQL)', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  }, 60_000);

  afterAll(async () => {
    await database.drop();
  }, 60_000);

  it('makes a request wait for a busy connection beyond the connect bound, up to the acquire bound', async () => {
    const pool = createPool({
      connectionString: database.url,
      max: 1,
      applicationName: 'pool-spec',
      connectTimeoutMs: 500,
      acquireTimeoutMs: 30_000,
      queryTimeoutMs: 0,
    });
    try {
      const busy = pool.query('SELECT pg_sleep(1.5)'); // the only connection, held three times the connect bound
      const waiting = pool.query('SELECT 1 AS one');
      await busy;
      expect((await waiting).rows).toEqual([{ one: 1 }]);
    } finally {
      await pool.end();
    }
  }, 60_000);
});
