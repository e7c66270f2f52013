import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { CLOCK, type Clock } from '#ardoise/commands';
import { DATABASE } from '#ardoise/database';
import { familiesNamed, familyNames } from './family-names.js';
import { NotFoundError, parisDate } from '#ardoise/kernel';
import { INVOICE_STATUS_LABELS, type InvoiceStatus } from '../domain/invoice-state.js';
import { refdetOf } from '../domain/invoice.decider.js';
import { InvoiceNamesReader } from '../pdf/invoice-names.js';
import {
  CREDIT_NOTES_TABLE,
  INVOICE_LINES_TABLE,
  INVOICES_TABLE,
  LEDGER_TABLE,
  PAYFIP_OPERATIONS_TABLE,
  PAYMENTS_TABLE,
} from '../projections/finance.tables.js';

/** One definition, shared with the portal (libs/contracts). */
export type { InvoiceSummary } from '#ardoise/contracts';
import type { InvoiceSummary } from '#ardoise/contracts';

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
  /** Past the due date (before today in Paris) with something left to pay. */
  overdue?: boolean;
}

export const toSummary = (row: Record<string, any>): InvoiceSummary => ({
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
  statusLabel: INVOICE_STATUS_LABELS[row.status as InvoiceStatus],
  payfipReference: refdetOf(row.number),
});

/** Invoices as parents ("Mes factures") and the finance office read them. */
@Injectable()
export class InvoiceQueries {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<any>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(InvoiceNamesReader) private readonly names: InvoiceNamesReader,
  ) {}

  async list(filter: InvoiceFilter): Promise<InvoiceSummary[]> {
    let query = this.db.selectFrom(INVOICES_TABLE).selectAll();
    if (filter.family) query = query.where('family_id', 'in', [...(await familiesNamed(this.db, filter.family)), '-']);
    if (filter.minCents !== undefined) query = query.where('total_cents', '>=', filter.minCents);
    if (filter.maxCents !== undefined) query = query.where('total_cents', '<=', filter.maxCents);
    if (filter.overdue) query = query.where('due_date', '<', parisDate(this.clock.now())).where('outstanding_cents', '>', 0);
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.period) query = query.where('period', '=', filter.period);
    if (filter.familyId) query = query.where('family_id', '=', filter.familyId);
    if (filter.issuedFrom) query = query.where('issued_on', '>=', filter.issuedFrom);
    if (filter.issuedTo) query = query.where('issued_on', '<=', filter.issuedTo);
    const rows = await query.orderBy('year', 'desc').orderBy('sequence', 'desc').limit(5000).execute();
    const names = await familyNames(
      this.db,
      rows.map((r) => r.family_id),
    );
    return rows.map((r) => ({ ...toSummary(r), familyName: names.get(r.family_id) ?? null }));
  }

  /** Invoices whose number starts with `prefix` (« 2026-0001 », or without the dash), at most 20. */
  async byNumber(prefix: string): Promise<InvoiceSummary[]> {
    const normalised = prefix.length > 4 && prefix[4] !== '-' ? `${prefix.slice(0, 4)}-${prefix.slice(4)}` : prefix;
    const rows = await this.db.selectFrom(INVOICES_TABLE).selectAll().where('number', 'like', `${normalised}%`).orderBy('number').limit(20).execute();
    return rows.map(toSummary);
  }

  /** The family's invoices split as in the guide: "en cours" and "payées" (paid or cancelled). */
  async forFamily(familyId: string) {
    const invoices = await this.list({ familyId });
    const settled = (i: InvoiceSummary) => i.status === 'paid' || i.status === 'cancelled';
    return { current: invoices.filter((i) => !settled(i)), settled: invoices.filter(settled) };
  }

  async summary(invoiceId: string): Promise<InvoiceSummary> {
    const row = await this.db.selectFrom(INVOICES_TABLE).selectAll().where('invoice_id', '=', invoiceId).executeTakeFirst();
    if (!row) throw new NotFoundError('INVOICE.NOT_FOUND', 'Facture introuvable.');
    return toSummary(row);
  }

  async detail(invoiceId: string) {
    const summary = await this.summary(invoiceId);
    const [lines, creditNotes, payments, payfip, refunds, collection, names] = await Promise.all([
      this.db.selectFrom(INVOICE_LINES_TABLE).selectAll().where('invoice_id', '=', invoiceId).orderBy('line_no').execute(),
      this.db.selectFrom(CREDIT_NOTES_TABLE).selectAll().where('invoice_id', '=', invoiceId).orderBy('issued_on').orderBy('number').execute(),
      this.db.selectFrom(PAYMENTS_TABLE).selectAll().where('invoice_id', '=', invoiceId).orderBy('recorded_at').execute(),
      this.db.selectFrom(PAYFIP_OPERATIONS_TABLE).selectAll().where('invoice_id', '=', invoiceId).orderBy('created_at').execute(),
      this.db
        .selectFrom(LEDGER_TABLE)
        .select(['event_id', 'amount_cents', 'on_date'])
        .where('invoice_id', '=', invoiceId)
        .where('kind', '=', 'refunded')
        .orderBy('seq')
        .execute(),
      this.db.selectFrom(INVOICES_TABLE).select(['sent_to_collection_on', 'collection_batch_id']).where('invoice_id', '=', invoiceId).executeTakeFirst(),
      this.names.forFamily(summary.familyId),
    ]);
    return {
      ...summary,
      familyName: names.familyName,
      sentToCollectionOn: (collection?.sent_to_collection_on as string | null) ?? null,
      refunds: refunds.map((r) => ({ refundEventId: r.event_id as string, amountCents: r.amount_cents as number, refundedOn: r.on_date as string })),
      lines: lines.map((l) => ({
        lineNo: l.line_no as number,
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
        cantineAUnEuro: l.cantine_a_un_euro as boolean,
        quotient: l.quotient,
        dates: l.dates,
      })),
      creditNotes: creditNotes.map((c) => ({
        creditNoteId: c.credit_note_id,
        number: c.number as string | null,
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
}
