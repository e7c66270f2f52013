import type { Kysely, Selectable, Transaction } from 'kysely';
import { inOneSnapshot } from '#ardoise/database';
import type { InvoiceSummary } from '#ardoise/contracts';
import { NotFoundError } from '#ardoise/kernel';
import { INVOICE_STATUS_LABELS, type InvoiceStatus } from '../domain/invoice-state.js';
import { refdetOf } from '../domain/invoice.decider.js';
import type { InvoiceNamesReader } from '../pdf/invoice-names.js';
import type { InvoicesTable, InvoicingDatabase } from '../projections/invoicing-database.js';
import { familiesNamed, familyNames } from './family-names.js';

export interface InvoiceFilter {
  status?: InvoiceStatus;
  period?: string;
  familyId?: string;
  issuedFrom?: string;
  issuedTo?: string;
  /** Text in the family's name. */
  family?: string;
  minCents?: number;
  maxCents?: number;
  /** Past the due date (before `today`, in Paris) with something left to pay. */
  overdue?: boolean;
}

export const toSummary = (row: Selectable<InvoicesTable>): InvoiceSummary => ({
  invoiceId: row.invoice_id,
  number: row.number,
  familyId: row.family_id,
  period: row.period,
  kind: row.kind,
  correctsInvoiceId: row.corrects_invoice_id,
  issuedOn: row.issued_on,
  dueDate: row.due_date,
  totalCents: row.total_cents,
  creditedCents: row.credited_cents,
  paidCents: row.paid_cents,
  refundedCents: row.refunded_cents,
  outstandingCents: row.outstanding_cents,
  status: row.status,
  statusLabel: INVOICE_STATUS_LABELS[row.status],
  payfipReference: refdetOf(row.number),
});

/** Invoices as parents ("Mes factures") and the finance office list them, newest first, with the family's name. */
export async function listInvoices(db: Kysely<InvoicingDatabase>, filter: InvoiceFilter, today: string): Promise<InvoiceSummary[]> {
  let query = db.selectFrom('invoicing_invoices').selectAll();
  if (filter.family) query = query.where('family_id', 'in', [...(await familiesNamed(db, filter.family)), '-']);
  if (filter.minCents !== undefined) query = query.where('total_cents', '>=', filter.minCents);
  if (filter.maxCents !== undefined) query = query.where('total_cents', '<=', filter.maxCents);
  if (filter.overdue) query = query.where('due_date', '<', today).where('outstanding_cents', '>', 0);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.period) query = query.where('period', '=', filter.period);
  if (filter.familyId) query = query.where('family_id', '=', filter.familyId);
  if (filter.issuedFrom) query = query.where('issued_on', '>=', filter.issuedFrom);
  if (filter.issuedTo) query = query.where('issued_on', '<=', filter.issuedTo);
  const rows = await query.orderBy('year', 'desc').orderBy('sequence', 'desc').limit(5000).execute();
  const names = await familyNames(
    db,
    rows.map((r) => r.family_id),
  );
  return rows.map((r) => ({ ...toSummary(r), familyName: names.get(r.family_id) ?? null }));
}

export async function invoiceSummary(db: Kysely<InvoicingDatabase>, invoiceId: string): Promise<InvoiceSummary> {
  const row = await db.selectFrom('invoicing_invoices').selectAll().where('invoice_id', '=', invoiceId).executeTakeFirst();
  if (!row) throw new NotFoundError('INVOICE.NOT_FOUND', 'Facture introuvable.');
  return toSummary(row);
}

/** An invoice's rows, all read in one snapshot: a projection's commit cannot tear them. */
async function invoiceRows(db: Transaction<InvoicingDatabase>, invoiceId: string) {
  const summary = await invoiceSummary(db, invoiceId);
  const [lines, creditNotes, payments, payfip, refunds, collection] = await Promise.all([
    db.selectFrom('invoicing_invoice_lines').selectAll().where('invoice_id', '=', invoiceId).orderBy('line_no').execute(),
    db.selectFrom('invoicing_credit_notes').selectAll().where('invoice_id', '=', invoiceId).orderBy('issued_on').orderBy('number').execute(),
    db.selectFrom('invoicing_payments').selectAll().where('invoice_id', '=', invoiceId).orderBy('recorded_at').execute(),
    db.selectFrom('invoicing_payfip_operations').selectAll().where('invoice_id', '=', invoiceId).orderBy('created_at').execute(),
    db
      .selectFrom('invoicing_ledger')
      .select(['event_id', 'amount_cents', 'on_date'])
      .where('invoice_id', '=', invoiceId)
      .where('kind', '=', 'refunded')
      .orderBy('seq')
      .execute(),
    db.selectFrom('invoicing_invoices').select(['sent_to_collection_on', 'collection_batch_id']).where('invoice_id', '=', invoiceId).executeTakeFirst(),
  ]);
  return { summary, lines, creditNotes, payments, payfip, refunds, collection };
}

/** One invoice with its lines (in parents' words), credit notes, payments, PayFIP operations and refunds. */
export async function invoiceDetail(database: Kysely<InvoicingDatabase>, namesReader: InvoiceNamesReader, invoiceId: string) {
  const { summary, lines, creditNotes, payments, payfip, refunds, collection } = await inOneSnapshot(database, (db) => invoiceRows(db, invoiceId));
  const names = await namesReader.forFamily(summary.familyId);
  return {
    ...summary,
    familyName: names.familyName,
    sentToCollectionOn: collection?.sent_to_collection_on ?? null,
    refunds: refunds.map((r) => ({ refundEventId: r.event_id, amountCents: r.amount_cents, refundedOn: r.on_date })),
    lines: lines.map((l) => ({
      lineNo: l.line_no,
      childName: names.children.get(String(l.child_id)) ?? null,
      serviceLabel: names.services.get(String(l.service_code)) ?? null,
      childId: l.child_id,
      serviceCode: l.service_code,
      kind: l.kind,
      days: l.days,
      unitPriceCents: l.unit_price_cents,
      amountCents: l.amount_cents,
      tariffVersion: l.tariff_version,
      bracketCode: l.bracket_code,
      cantineAUnEuro: l.cantine_a_un_euro,
      quotient: l.quotient,
      dates: l.dates,
    })),
    creditNotes: creditNotes.map((c) => ({
      creditNoteId: c.credit_note_id,
      number: c.number,
      amountCents: c.amount_cents,
      whole: c.whole,
      reason: c.reason,
      issuedOn: c.issued_on,
    })),
    payments: payments.map((p) => ({
      paymentId: p.payment_id,
      means: p.means,
      amountCents: p.amount_cents,
      paidOn: p.paid_on,
      reference: p.reference,
      status: p.status,
      reversedOn: p.reversed_on,
    })),
    payfipOperations: payfip.map((o) => ({
      operationId: o.operation_id,
      paymentId: o.payment_id,
      amountCents: o.amount_cents,
      status: o.status,
      detail: o.detail,
    })),
  };
}

export type InvoiceDetail = Awaited<ReturnType<typeof invoiceDetail>>;
