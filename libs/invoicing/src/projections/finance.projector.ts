import type { Transaction } from 'kysely';
import type { Projector, TableNames } from '#ardoise/projections';
import type { RecordedEvent } from '#ardoise/event-store';
import { INVOICE_EVENT_TYPES, type InvoiceEvent } from '../domain/invoice-events.js';
import { statusFromAmounts } from '../domain/invoice-state.js';
import { ledgerEntryOf } from '../domain/reconciliation.js';
import {
  CREDIT_NOTES_TABLE,
  FINANCE_TABLES,
  INVOICE_LINES_TABLE,
  INVOICES_TABLE,
  LEDGER_TABLE,
  PAYFIP_OPERATIONS_TABLE,
  PAYMENTS_TABLE,
} from './finance.tables.js';

const LEDGER_LABELS: Record<string, string> = {
  InvoiceIssued: 'Facture',
  CreditNoteIssued: 'Avoir',
  PaymentRecorded: 'Paiement',
  PaymentFailed: 'Rejet de prélèvement',
  PaymentRefunded: 'Remboursement',
};

/**
 * The finance office's read models: invoices with their running amounts and status, their
 * lines (meal counts by QF bracket), payments, credit notes, PayFIP operations, and the
 * ledger of every movement of money with its date (reconciliation at any past date).
 */
export const financeProjector: Projector = {
  name: 'invoicing-finance',
  version: 2, // 2: credit notes have their own number (AV-2026-000012)
  filter: { eventTypes: INVOICE_EVENT_TYPES },
  tables: FINANCE_TABLES,
  async apply(recorded, trx, tables) {
    const event = { type: recorded.type, data: recorded.data } as InvoiceEvent;
    const at = recorded.metadata.occurredAt;
    await writeLedger(event, recorded, trx, tables);
    switch (event.type) {
      case 'InvoiceIssued': {
        const d = event.data;
        const [year, sequence] = d.number.split('-').map(Number);
        await trx
          .insertInto(tables[INVOICES_TABLE])
          .values({
            invoice_id: d.invoiceId,
            number: d.number,
            year,
            sequence,
            family_id: d.familyId,
            period: d.period,
            kind: d.kind,
            corrects_invoice_id: d.correctsInvoiceId,
            issued_on: d.issuedOn,
            due_date: d.dueDate,
            total_cents: d.totalCents,
            outstanding_cents: d.totalCents,
            status: 'issued',
            tariffs: JSON.stringify(d.tariffs),
            issued_at: at,
            updated_at: at,
          })
          .onConflict((oc) => oc.column('invoice_id').doNothing())
          .execute();
        if (d.lines.length > 0) {
          await trx
            .insertInto(tables[INVOICE_LINES_TABLE])
            .values(
              d.lines.map((l, i) => ({
                invoice_id: d.invoiceId,
                line_no: i + 1,
                family_id: d.familyId,
                period: d.period,
                child_id: l.childId,
                service_code: l.serviceCode,
                kind: l.kind,
                days: l.days,
                unit_price_cents: l.unitPriceCents,
                amount_cents: l.amountCents,
                tariff_version: l.tariffVersion,
                bracket_code: l.bracketCode,
                cantine_a_un_euro: l.cantineAUnEuro,
                quotient: l.quotient,
                dates: l.dates,
              })),
            )
            .onConflict((oc) => oc.columns(['invoice_id', 'line_no']).doNothing())
            .execute();
        }
        return;
      }
      case 'CreditNoteIssued': {
        const d = event.data;
        await trx
          .insertInto(tables[CREDIT_NOTES_TABLE])
          .values({ credit_note_id: d.creditNoteId, number: d.number ?? null, invoice_id: d.invoiceId, family_id: d.familyId, amount_cents: d.amountCents, whole: d.whole, reason: d.reason, issued_on: d.issuedOn })
          .onConflict((oc) => oc.column('credit_note_id').doNothing())
          .execute();
        return refreshInvoice(trx, tables, d.invoiceId, at);
      }
      case 'PaymentRecorded': {
        const d = event.data;
        await trx
          .insertInto(tables[PAYMENTS_TABLE])
          .values({ payment_id: d.paymentId, invoice_id: d.invoiceId, family_id: d.familyId, means: d.means, amount_cents: d.amountCents, paid_on: d.paidOn, reference: d.reference, status: 'recorded', recorded_at: at })
          .onConflict((oc) => oc.column('payment_id').doNothing())
          .execute();
        await trx.updateTable(tables[PAYFIP_OPERATIONS_TABLE]).set({ status: 'paid', settled_at: at }).where('payment_id', '=', d.paymentId).execute();
        return refreshInvoice(trx, tables, d.invoiceId, at);
      }
      case 'PaymentFailed': {
        const d = event.data;
        if (d.reversal) {
          await trx.updateTable(tables[PAYMENTS_TABLE]).set({ status: 'reversed', reversed_on: d.failedOn, reversal_reason: d.detail }).where('payment_id', '=', d.paymentId).execute();
          return refreshInvoice(trx, tables, d.invoiceId, at);
        }
        await trx.updateTable(tables[PAYFIP_OPERATIONS_TABLE]).set({ status: d.reason, settled_at: at }).where('payment_id', '=', d.paymentId).execute();
        return;
      }
      case 'PaymentRefunded':
        return refreshInvoice(trx, tables, event.data.invoiceId, at);
      case 'InvoiceSentToCollection':
        return refreshInvoice(trx, tables, event.data.invoiceId, at, { sent_to_collection_on: event.data.sentOn, collection_batch_id: event.data.batchId });
      case 'PayfipPaymentStarted': {
        const d = event.data;
        await trx
          .insertInto(tables[PAYFIP_OPERATIONS_TABLE])
          .values({ operation_id: d.operationId, invoice_id: d.invoiceId, family_id: d.familyId, payment_id: d.paymentId, amount_cents: d.amountCents, expires_at: d.expiresAt, status: 'pending', created_at: at })
          .onConflict((oc) => oc.column('operation_id').doNothing())
          .execute();
        return;
      }
      case 'PayfipPaymentAnomaly':
        await trx.updateTable(tables[PAYFIP_OPERATIONS_TABLE]).set({ status: 'anomaly', detail: event.data.detail, settled_at: at }).where('operation_id', '=', event.data.operationId).execute();
        return;
    }
  },
};

async function writeLedger(event: InvoiceEvent, recorded: RecordedEvent, trx: Transaction<any>, tables: TableNames): Promise<void> {
  const entry = ledgerEntryOf(event);
  if (!entry) return;
  const d = event.data as Record<string, string>;
  const onDate = d.issuedOn ?? d.paidOn ?? d.failedOn ?? d.refundedOn ?? recorded.metadata.occurredAt.slice(0, 10);
  // A credit note names its own number (older ones have none): "Avoir AV-2026-000012 sur la facture 2026-000123".
  const label = event.type === 'CreditNoteIssued' && event.data.number ? `Avoir ${event.data.number} sur la facture` : LEDGER_LABELS[event.type];
  await trx
    .insertInto(tables[LEDGER_TABLE])
    .values({ event_id: recorded.id, ...{ family_id: entry.familyId, invoice_id: entry.invoiceId, kind: entry.kind, amount_cents: entry.amountCents }, on_date: onDate, occurred_at: recorded.metadata.occurredAt, label })
    .onConflict((oc) => oc.column('event_id').doNothing())
    .execute();
}

/** Amounts recomputed from the invoice's ledger rows: a replayed event cannot count twice. */
async function refreshInvoice(trx: Transaction<any>, tables: TableNames, invoiceId: string, at: string, extra: Record<string, unknown> = {}): Promise<void> {
  const row = await trx.selectFrom(tables[INVOICES_TABLE]).selectAll().where('invoice_id', '=', invoiceId).forUpdate().executeTakeFirst();
  if (!row) return;
  const sums = await trx
    .selectFrom(tables[LEDGER_TABLE])
    .select(['kind', (eb) => eb.fn.sum<string>('amount_cents').as('cents')])
    .where('invoice_id', '=', invoiceId)
    .groupBy('kind')
    .execute();
  const sumOf = (kind: string) => Number(sums.find((s) => s.kind === kind)?.cents ?? 0);
  const amounts = {
    totalCents: row.total_cents,
    creditedCents: sumOf('credited'),
    paidCents: sumOf('paid'),
    refundedCents: sumOf('refunded'),
    sentToCollection: !!(extra.sent_to_collection_on ?? row.sent_to_collection_on),
  };
  await trx
    .updateTable(tables[INVOICES_TABLE])
    .set({
      credited_cents: amounts.creditedCents,
      paid_cents: amounts.paidCents,
      refunded_cents: amounts.refundedCents,
      outstanding_cents: amounts.totalCents - amounts.creditedCents - amounts.paidCents + amounts.refundedCents,
      status: statusFromAmounts(amounts),
      updated_at: at,
      ...extra,
    })
    .where('invoice_id', '=', invoiceId)
    .execute();
}
