import { randomBytes } from 'node:crypto';
import { createDatabase, dropDatabase } from '#ardoise/database';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database on the test server, for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.ARDOISE_TEST_SERVER_URL ?? process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('No test PostgreSQL server: run through jest (global setup) or set DATABASE_URL');
  const name = `ardoise_test_${randomBytes(6).toString('hex')}`;
  return { url: await createDatabase(serverUrl, name), drop: () => dropDatabase(serverUrl, name) };
}
