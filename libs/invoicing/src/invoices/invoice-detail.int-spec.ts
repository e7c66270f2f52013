import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { CatalogueReader } from '#ardoise/catalogue';
import { runMigrations } from '#ardoise/database';
import { PostgresEventStore, eventStoreMigrations } from '#ardoise/event-store';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { readDuringProjection } from '../../../../test/support/read-during-projection.js';
import { InvoiceNamesReader } from '../pdf/invoice-names.js';
import { FINANCE_TABLES } from '../projections/finance.tables.js';
import { invoiceDetail } from './invoice-views.js';

/**
 * An invoice's detail is read in several statements (the invoice, its lines, its credit notes…).
 * A projection's commit between two of them must not show a torn invoice: its credited total
 * from before a credit note and the list of its credit notes from after it.
 */
describe("an invoice's detail reads one moment of the read models (real PostgreSQL)", () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let db: Kysely<any>;
  let store: PostgresEventStore;

  const creditNote = (n: number) => ({
    credit_note_id: `cn-${n}`,
    number: `AV-2026-${String(n).padStart(6, '0')}`,
    invoice_id: 'inv-1',
    family_id: 'fam-1',
    amount_cents: 100,
    whole: false,
    reason: 'Repas non servi',
    issued_on: '2026-04-02',
  });

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = new pg.Pool({ connectionString: database.url, max: 10 });
    db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
    await runMigrations(db, eventStoreMigrations);
    store = new PostgresEventStore(pool);
    for (const table of FINANCE_TABLES) await table.create(db, table.name);
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
        credited_cents: 100,
        outstanding_cents: 1900,
        status: 'issued',
        tariffs: JSON.stringify([]),
        issued_at: new Date('2026-04-01T06:00:00Z'),
        updated_at: new Date('2026-04-01T06:00:00Z'),
      })
      .execute();
    await db.insertInto('invoicing_credit_notes').values(creditNote(1)).execute();
  }, 60_000);

  afterAll(async () => {
    await store.close();
    await db.destroy();
    await database.drop();
  }, 60_000);

  it('shows the credited total and the credit notes of the same moment when a credit note is projected during the read', async () => {
    const names = new InvoiceNamesReader(db, new CatalogueReader(store, db));
    // A projection's transaction: the invoice's total first, then the credit note, the credit
    // notes' table held until its commit so that the read's later statements come after it.
    const detail = await readDuringProjection(
      pool,
      [
        `UPDATE invoicing_invoices SET credited_cents = 200, outstanding_cents = 1800 WHERE invoice_id = 'inv-1'`,
        'LOCK TABLE invoicing_credit_notes IN ACCESS EXCLUSIVE MODE',
        `INSERT INTO invoicing_credit_notes (credit_note_id, number, invoice_id, family_id, amount_cents, whole, reason, issued_on)
         VALUES ('cn-2', 'AV-2026-000002', 'inv-1', 'fam-1', 100, false, 'Repas non servi', '2026-04-02')`,
      ],
      'invoicing_credit_notes',
      () => invoiceDetail(db, names, 'inv-1'),
    );
    const listed = detail.creditNotes.reduce((sum: number, c: { amountCents: number }) => sum + c.amountCents, 0);
    expect(detail.creditedCents).toBe(listed);
  }, 60_000);
});
