import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { Attendance } from '../domain/billing.js';
import type { InvoiceStatus, PayfipOperationStatus } from '../domain/invoice-state.js';
import type { LedgerKind } from '../domain/reconciliation.js';

/**
 * Invoicing's tables as its queries see them: the read models its projectors keep (each
 * name is a view on the active generation, docs/projections.md) and the operational tables
 * of its migrations (billing runs, files made, the PayFIP index and repair runs). A query
 * that names a missing column or compares a column with the wrong type does not compile.
 * Projectors write through the physical generation tables the engine hands them (untyped).
 */
export interface InvoicingDatabase {
  invoicing_invoices: InvoicesTable;
  invoicing_invoice_lines: InvoiceLinesTable;
  invoicing_payments: PaymentsTable;
  invoicing_credit_notes: CreditNotesTable;
  invoicing_ledger: LedgerTable;
  invoicing_payfip_operations: PayfipOperationsTable;
  invoicing_billable_days: BillableDaysTable;
  invoicing_quotients: QuotientsTable;
  invoicing_mandates: MandatesTable;
  invoicing_billing_runs: BillingRunsTable;
  invoicing_files: FilesTable;
  invoicing_payfip_index: PayfipIndexTable;
  invoicing_payfip_repair_runs: PayfipRepairRunsTable;
}

/** A timestamptz column: read as a Date, written as a Date. */
type Instant = ColumnType<Date, Date, Date>;

export interface InvoicesTable {
  invoice_id: string;
  number: string;
  year: number;
  sequence: number;
  family_id: string;
  period: string;
  kind: 'monthly' | 'correction';
  corrects_invoice_id: string | null;
  issued_on: string;
  due_date: string;
  total_cents: number;
  credited_cents: number;
  paid_cents: number;
  refunded_cents: number;
  outstanding_cents: number;
  status: InvoiceStatus;
  sent_to_collection_on: string | null;
  collection_batch_id: string | null;
  tariffs: unknown;
  issued_at: Instant;
  updated_at: Instant;
}

export interface InvoiceLinesTable {
  invoice_id: string;
  line_no: number;
  family_id: string;
  period: string;
  child_id: string;
  service_code: string;
  kind: string;
  days: number;
  unit_price_cents: number;
  amount_cents: number;
  tariff_version: number;
  bracket_code: string;
  cantine_a_un_euro: boolean;
  quotient: number | null;
  dates: string[];
}

export interface PaymentsTable {
  payment_id: string;
  invoice_id: string;
  family_id: string;
  means: string;
  amount_cents: number;
  paid_on: string;
  reference: string | null;
  status: string;
  reversed_on: string | null;
  reversal_reason: string | null;
  recorded_at: Instant;
}

export interface CreditNotesTable {
  credit_note_id: string;
  number: string | null;
  invoice_id: string;
  family_id: string;
  amount_cents: number;
  whole: boolean;
  reason: string;
  issued_on: string;
}

export interface LedgerTable {
  event_id: string;
  seq: Generated<string>;
  family_id: string;
  invoice_id: string;
  kind: LedgerKind;
  amount_cents: number;
  on_date: string;
  occurred_at: Instant;
  label: string;
}

export interface PayfipOperationsTable {
  operation_id: string;
  invoice_id: string;
  family_id: string;
  payment_id: string;
  amount_cents: number;
  expires_at: Instant;
  status: PayfipOperationStatus;
  detail: string | null;
  created_at: Instant;
  settled_at: Instant | null;
}

export interface BillableDaysTable {
  child_id: string;
  service_code: string;
  date: string;
  family_id: string;
  reservation_id: string | null;
  booked: boolean;
  late_booking: boolean;
  attendance: Attendance | null;
  absence_justified: boolean;
}

export interface QuotientsTable {
  event_id: string;
  seq: Generated<string>;
  family_id: string;
  amount: number;
  valid_from: string;
  valid_until: string;
}

export interface MandatesTable {
  family_id: string;
  mandate_reference: string;
  signed_on: string;
  active: boolean;
  revoked_on: string | null;
}

export interface BillingRunsTable {
  run_id: string;
  period: string;
  trigger: 'finance' | 'schedule' | 'cli';
  status: 'running' | 'completed' | 'failed';
  total: ColumnType<number, number | undefined, number>;
  done: ColumnType<number, number | undefined, number>;
  issued: ColumnType<number, number | undefined, number>;
  skipped: ColumnType<number, number | undefined, number>;
  failed: ColumnType<number, number | undefined, number>;
  /** bigint: read as a string. */
  amount_cents: ColumnType<string, number | undefined, number>;
  errors: ColumnType<{ familyId: string | null; code: string; message: string }[], string | undefined, string>;
  requested_by: string;
  started_at: Instant;
  updated_at: Instant;
  finished_at: Instant | null;
}

export interface FilesTable {
  file_id: string;
  kind: 'sepa_collection' | 'collection_titles';
  file_name: string;
  media_type: string;
  content: string;
  summary: JSONColumnType<Record<string, unknown>>;
  created_by: string;
  created_at: Instant;
}

export interface PayfipIndexTable {
  operation_id: string;
  invoice_id: string;
  created_at: Instant;
}

export interface PayfipRepairRunsTable {
  run_id: string;
  trigger: 'schedule' | 'finance';
  started_at: Instant;
  finished_at: Instant;
  checked: number;
  settled: number;
  error: string | null;
}
