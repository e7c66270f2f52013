import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { FixedClock, systemContext } from '#ardoise/commands';
import { runMigrations } from '#ardoise/database';
import { PostgresEventStore, eventStoreMigrations } from '#ardoise/event-store';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { InvoiceNumbering } from './invoice-numbering.js';

describe('gapless invoice numbers (real PostgreSQL)', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let db: Kysely<any>;
  let store: PostgresEventStore;
  const clock = new FixedClock(new Date('2026-04-01T06:00:00Z'));

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = new pg.Pool({ connectionString: database.url, max: 30 });
    db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
    await runMigrations(db, eventStoreMigrations);
    store = new PostgresEventStore(pool);
  }, 60_000);

  afterAll(async () => {
    await store.close();
    await db.destroy();
    await database.drop();
  }, 60_000);

  it('gives 50 invoices issued at once by 5 processes the numbers 2026-000001 to 2026-000050, each once', async () => {
    const processes = Array.from({ length: 5 }, () => new InvoiceNumbering(store, clock));
    const issues = Array.from({ length: 50 }, (_, i) =>
      processes[i % 5].assign(2026, [{ key: `monthly:fam-${i}:2026-03`, invoiceId: `inv-${i}` }], systemContext()),
    );
    const numbers = (await Promise.all(issues)).map((result, i) => result.get(`monthly:fam-${i}:2026-03`)!.number);
    expect(new Set(numbers).size).toBe(50);
    expect([...numbers].sort()).toEqual(Array.from({ length: 50 }, (_, i) => `2026-${String(i + 1).padStart(6, '0')}`));
    const fresh = await new InvoiceNumbering(store, clock).assignments(2026);
    expect(fresh.map((a) => a.sequence)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  }, 60_000);

  it('gives the same number back for a key already numbered, even from another process', async () => {
    const first = await new InvoiceNumbering(store, clock).assign(2027, [{ key: 'monthly:fam-x:2026-12', invoiceId: 'inv-x' }], systemContext());
    const again = await new InvoiceNumbering(store, clock).assign(
      2027,
      [
        { key: 'monthly:fam-x:2026-12', invoiceId: 'inv-other' },
        { key: 'monthly:fam-y:2026-12', invoiceId: 'inv-y' },
      ],
      systemContext(),
    );
    expect(again.get('monthly:fam-x:2026-12')).toEqual(first.get('monthly:fam-x:2026-12'));
    expect(again.get('monthly:fam-x:2026-12')!.number).toBe('2027-000001');
    expect(again.get('monthly:fam-y:2026-12')!.number).toBe('2027-000002');
  });
});
