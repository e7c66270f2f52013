import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { CatalogueReader, servicesProjector } from '#ardoise/catalogue';
import { runMigrations } from '#ardoise/database';
import { PostgresEventStore, eventStoreMigrations } from '#ardoise/event-store';
import { createTestDatabase, type TestDatabase } from '../../../../../test/support/test-database.js';
import { readDuringProjection } from '../../../../../test/support/read-during-projection.js';
import { billingInputsProjector } from '../../projections/billing-inputs.projector.js';
import { FINANCE_TABLES } from '../../projections/finance.tables.js';
import { GetFinanceDashboardHandler } from './get-finance-dashboard.handler.js';
import { GetFinanceDashboard } from './get-finance-dashboard.query.js';

/**
 * The finance dashboard sums the invoices, the credit notes and the payments in several
 * statements. A payment projected between two of them must not show a torn dashboard: the
 * payment collected while the invoice it settles is still shown as owed.
 */
describe('the finance dashboard reads one moment of the read models (real PostgreSQL)', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let db: Kysely<any>;
  let store: PostgresEventStore;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = new pg.Pool({ connectionString: database.url, max: 20 });
    // Connections ready beforehand: statements run in parallel all start at once, none late because it connects.
    const clients = await Promise.all(Array.from({ length: 20 }, () => pool.connect()));
    for (const client of clients) client.release();
    db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
    await runMigrations(db, eventStoreMigrations);
    store = new PostgresEventStore(pool);
    for (const table of [...FINANCE_TABLES, ...billingInputsProjector.tables, ...servicesProjector.tables]) await table.create(db, table.name);
    await db
      .insertInto('invoicing_invoices')
      .values({
        invoice_id: 'inv-1',
        number: '2026-000001',
        year: 2026,
        sequence: 1,
        family_id: 'fam-1',
        period: '2026-03',
        kind: 'monthly',
        issued_on: '2026-04-01',
        due_date: '2026-04-30',
        total_cents: 2000,
        outstanding_cents: 2000,
        status: 'issued',
        tariffs: JSON.stringify([]),
        issued_at: new Date('2026-04-01T06:00:00Z'),
        updated_at: new Date('2026-04-01T06:00:00Z'),
      })
      .execute();
  }, 60_000);

  afterAll(async () => {
    await store.close();
    await db.destroy();
    await database.drop();
  }, 60_000);

  it('shows what was collected and what is still owed of the same moment when a payment is projected during the read', async () => {
    const clock = { now: () => new Date('2026-04-15T10:00:00Z') };
    const handler = new GetFinanceDashboardHandler(db, clock, new CatalogueReader(store, db));
    // The payment's projection: the invoice's balance first, then the payment, the payments'
    // table held until the commit so that the read's later statements come after it.
    const dashboard = await readDuringProjection(
      pool,
      [
        `UPDATE invoicing_invoices SET paid_cents = 2000, outstanding_cents = 0, status = 'paid' WHERE invoice_id = 'inv-1'`,
        'LOCK TABLE invoicing_payments IN ACCESS EXCLUSIVE MODE',
        `INSERT INTO invoicing_payments (payment_id, invoice_id, family_id, means, amount_cents, paid_on, status, recorded_at)
         VALUES ('pay-1', 'inv-1', 'fam-1', 'cheque', 2000, '2026-04-10', 'recorded', now())`,
      ],
      'invoicing_payments',
      () => handler.execute(new GetFinanceDashboard('2026-04', '2026-04', undefined)),
    );
    const collected = dashboard.billedCollected.reduce((sum, m) => sum + m.collectedCents, 0);
    const owed = dashboard.outstandingByAge.reduce((sum, b) => sum + b.outstandingCents, 0);
    expect({ collected, owed }).toEqual(collected === 0 ? { collected: 0, owed: 2000 } : { collected: 2000, owed: 0 });
  }, 120_000);
});
