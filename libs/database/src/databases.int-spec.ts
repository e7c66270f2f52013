import pg from 'pg';
import { createTestDatabase } from '../../../test/support/test-database.js';

describe('dropping a database', () => {
  it('lets the connections a pool has just ended close by themselves first (FORCE ends only those left open): no error reaches the pool', async () => {
    let errors = 0;
    for (let round = 0; round < 15; round += 1) {
      const database = await createTestDatabase();
      const pool = new pg.Pool({ connectionString: database.url, max: 8 });
      pool.on('error', () => (errors += 1));
      await Promise.all(Array.from({ length: 8 }, () => pool.query('SELECT pg_sleep(0.01)')));
      // pg-pool's end() resolves once it has asked its connections to close, before the server has closed them.
      await pool.end();
      await database.drop();
    }
    expect(errors).toBe(0);
  });

  it('still ends a session left open', async () => {
    const database = await createTestDatabase();
    const client = new pg.Client({ connectionString: database.url });
    const ended = new Promise<unknown>((resolve) => client.on('error', resolve));
    await client.connect();
    await database.drop();
    expect(await ended).toMatchObject({ code: '57P01' });
  });
});
