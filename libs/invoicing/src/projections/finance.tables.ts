import { sql, type Kysely } from 'kysely';
import type { ReadModelTable } from '#ardoise/projections';

export const INVOICES_TABLE = 'invoicing_invoices';
export const INVOICE_LINES_TABLE = 'invoicing_invoice_lines';
export const PAYMENTS_TABLE = 'invoicing_payments';
export const CREDIT_NOTES_TABLE = 'invoicing_credit_notes';
export const LEDGER_TABLE = 'invoicing_ledger';
export const PAYFIP_OPERATIONS_TABLE = 'invoicing_payfip_operations';

const table = (name: string, columns: string, indexes: string[] = []): ReadModelTable => ({
  name,
  async create(db: Kysely<any>, t: string) {
    await sql`CREATE TABLE ${sql.table(t)} (${sql.raw(columns)})`.execute(db);
  },
  async indexes(db: Kysely<any>, t: string) {
    for (const [i, index] of indexes.entries()) {
      await sql`CREATE INDEX IF NOT EXISTS ${sql.id(`${t}_i${i}`)} ON ${sql.table(t)} (${sql.raw(index)})`.execute(db);
    }
  },
});

/** Local dates are ISO text (`YYYY-MM-DD`): no time zone can shift them. */
export const FINANCE_TABLES: ReadModelTable[] = [
  table(
    INVOICES_TABLE,
    `invoice_id text PRIMARY KEY, number text NOT NULL UNIQUE, year integer NOT NULL, sequence integer NOT NULL,
     family_id text NOT NULL, period text NOT NULL, kind text NOT NULL, corrects_invoice_id text,
     issued_on text NOT NULL, due_date text NOT NULL, total_cents integer NOT NULL,
     credited_cents integer NOT NULL DEFAULT 0, paid_cents integer NOT NULL DEFAULT 0, refunded_cents integer NOT NULL DEFAULT 0,
     outstanding_cents integer NOT NULL, status text NOT NULL, sent_to_collection_on text, collection_batch_id text,
     tariffs jsonb NOT NULL, issued_at timestamptz NOT NULL, updated_at timestamptz NOT NULL`,
    ['family_id, issued_on', 'status, issued_on', 'period', 'year, sequence'],
  ),
  table(
    INVOICE_LINES_TABLE,
    `invoice_id text NOT NULL, line_no integer NOT NULL, family_id text NOT NULL, period text NOT NULL,
     child_id text NOT NULL, service_code text NOT NULL, kind text NOT NULL, days integer NOT NULL,
     unit_price_cents integer NOT NULL, amount_cents integer NOT NULL, tariff_version integer NOT NULL,
     bracket_code text NOT NULL, cantine_a_un_euro boolean NOT NULL, quotient integer, dates text[] NOT NULL,
     PRIMARY KEY (invoice_id, line_no)`,
    ['period, service_code'],
  ),
  table(
    PAYMENTS_TABLE,
    `payment_id text PRIMARY KEY, invoice_id text NOT NULL, family_id text NOT NULL, means text NOT NULL,
     amount_cents integer NOT NULL, paid_on text NOT NULL, reference text, status text NOT NULL,
     reversed_on text, reversal_reason text, recorded_at timestamptz NOT NULL`,
    ['paid_on, means', 'invoice_id'],
  ),
  table(
    CREDIT_NOTES_TABLE,
    `credit_note_id text PRIMARY KEY, number text UNIQUE, invoice_id text NOT NULL, family_id text NOT NULL, amount_cents integer NOT NULL,
     whole boolean NOT NULL, reason text NOT NULL, issued_on text NOT NULL`,
    ['invoice_id', 'family_id, issued_on'],
  ),
  table(
    LEDGER_TABLE,
    `event_id text PRIMARY KEY, seq bigserial, family_id text NOT NULL, invoice_id text NOT NULL, kind text NOT NULL,
     amount_cents integer NOT NULL, on_date text NOT NULL, occurred_at timestamptz NOT NULL, label text NOT NULL`,
    ['family_id, occurred_at', 'occurred_at'],
  ),
  table(
    PAYFIP_OPERATIONS_TABLE,
    `operation_id text PRIMARY KEY, invoice_id text NOT NULL, family_id text NOT NULL, payment_id text NOT NULL,
     amount_cents integer NOT NULL, expires_at timestamptz NOT NULL, status text NOT NULL, detail text,
     created_at timestamptz NOT NULL, settled_at timestamptz`,
    ['status, created_at'],
  ),
];
