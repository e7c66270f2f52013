import { randomUUID } from 'node:crypto';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { runMigrations } from '#ardoise/database';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { identityMigrations } from '../identity.migrations.js';
import { AccountReader } from './account-reader.js';

describe("the family's login that receives its e-mails (real PostgreSQL)", () => {
  let database: TestDatabase;
  let db: Kysely<any>;
  const family = randomUUID();
  const first = randomUUID();
  const second = randomUUID();
  const disabled = randomUUID();
  const elsewhere = randomUUID();

  const login = (id: string, email: string, familyId: string, createdAt: string, status = 'active') =>
    db
      .insertInto('accounts')
      .values({ id, email, password_hash: 'x', role: 'parent', family_id: familyId, display_name: email, status, created_at: createdAt })
      .execute();

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 2 }) }) });
    await runMigrations(db, identityMigrations);
    await login(first, 'responsable1@example.fr', family, '2026-01-01T08:00:00Z');
    await login(second, 'responsable2@example.fr', family, '2026-02-01T08:00:00Z');
    await login(disabled, 'ancien@example.fr', family, '2025-01-01T08:00:00Z', 'disabled');
    await login(elsewhere, 'voisin@example.fr', randomUUID(), '2025-01-01T08:00:00Z');
  });
  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  it('is the oldest active parent login, and none for a family without one', async () => {
    expect(await new AccountReader(db).familyLoginEmail(family)).toBe('responsable1@example.fr');
    expect(await new AccountReader(db).familyLoginEmail(family, null)).toBe('responsable1@example.fr');
    expect(await new AccountReader(db).familyLoginEmail(randomUUID())).toBeUndefined();
  });

  it('is the preferred login (the one that opened a request) when it is one of the family’s active ones', async () => {
    expect(await new AccountReader(db).familyLoginEmail(family, second)).toBe('responsable2@example.fr');
    expect(await new AccountReader(db).familyLoginEmail(family, disabled)).toBe('responsable1@example.fr');
    expect(await new AccountReader(db).familyLoginEmail(family, elsewhere)).toBe('responsable1@example.fr');
  });

  it('reads inside a transaction (a notification builder reads in its projection’s)', async () => {
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('accounts').set({ status: 'disabled' }).where('id', '=', first).execute();
      expect(await new AccountReader(trx).familyLoginEmail(family, first)).toBe('responsable2@example.fr');
      await trx.updateTable('accounts').set({ status: 'active' }).where('id', '=', first).execute();
    });
  });
});
