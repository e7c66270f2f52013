import { foldEach, insertRows, RowSet, type Projector, type Row } from '#ardoise/projections';
import type { RecordedEvent } from '#ardoise/event-store';
import { INVOICE_EVENT_TYPES, type InvoiceEvent } from '../domain/invoice-events.js';
import { statusFromAmounts } from '../domain/invoice-state.js';
import { ledgerEntryOf, type LedgerEntry } from '../domain/reconciliation.js';
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
  version: 3, // 2: credit notes have their own number (AV-2026-000012); 3: folded by batch
  filter: { eventTypes: INVOICE_EVENT_TYPES },
  tables: FINANCE_TABLES,
  async applyBatch(events, trx, tables, context) {
    const data = (e: RecordedEvent) => e.data as Record<string, any>;
    const invoices = new RowSet(trx, { table: tables[INVOICES_TABLE]!, key: ['invoice_id'], defaults: INVOICE_DEFAULTS }, context);
    const payments = new RowSet(trx, { table: tables[PAYMENTS_TABLE]!, key: ['payment_id'], defaults: PAYMENT_DEFAULTS }, context);
    const payfip = new RowSet(trx, { table: tables[PAYFIP_OPERATIONS_TABLE]!, key: ['operation_id'], defaults: PAYFIP_DEFAULTS }, context);
    await invoices.load(events.filter((e) => data(e).invoiceId).map((e) => ({ invoice_id: data(e).invoiceId })));
    await payments.load(events.filter((e) => data(e).paymentId).map((e) => ({ payment_id: data(e).paymentId })));
    await payfip.load(events.filter((e) => data(e).operationId).map((e) => ({ operation_id: data(e).operationId })));
    await payfip.loadWhere(
      'payment_id',
      events.filter((e) => e.type === 'PaymentRecorded' || e.type === 'PaymentFailed').map((e) => data(e).paymentId),
    );
    const lines: Row[] = [];
    const creditNotes: Row[] = [];
    const ledger: Row[] = [];

    /** The invoice's running amounts move by the ledger entry just recorded (never recounted). */
    const refresh = (invoiceId: string, at: string, entry: LedgerEntry | null, extra: Row = {}) => {
      const row = invoices.get({ invoice_id: invoiceId });
      if (!row) return;
      if (entry?.kind === 'credited') row.credited_cents = Number(row.credited_cents) + entry.amountCents;
      if (entry?.kind === 'paid') row.paid_cents = Number(row.paid_cents) + entry.amountCents;
      if (entry?.kind === 'refunded') row.refunded_cents = Number(row.refunded_cents) + entry.amountCents;
      Object.assign(row, extra);
      const amounts = {
        totalCents: Number(row.total_cents),
        creditedCents: Number(row.credited_cents),
        paidCents: Number(row.paid_cents),
        refundedCents: Number(row.refunded_cents),
        sentToCollection: !!row.sent_to_collection_on,
      };
      row.outstanding_cents = amounts.totalCents - amounts.creditedCents - amounts.paidCents + amounts.refundedCents;
      row.status = statusFromAmounts(amounts);
      row.updated_at = at;
      invoices.touch(row);
    };

    foldEach(financeProjector.name, events, (recorded) => {
      const event = { type: recorded.type, data: recorded.data } as InvoiceEvent;
      const at = recorded.metadata.occurredAt;
      const entry = ledgerRow(event, recorded);
      if (entry) ledger.push(entry.row);
      switch (event.type) {
        case 'InvoiceIssued': {
          const d = event.data;
          const [year, sequence] = d.number.split('-').map(Number);
          if (invoices.get({ invoice_id: d.invoiceId })) return;
          invoices.upsert(
            { invoice_id: d.invoiceId },
            {
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
              tariffs: d.tariffs,
              issued_at: at,
              updated_at: at,
            },
          );
          d.lines.forEach((l, i) =>
            lines.push({
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
            }),
          );
          return;
        }
        case 'CreditNoteIssued': {
          const d = event.data;
          creditNotes.push({
            credit_note_id: d.creditNoteId,
            number: d.number ?? null,
            invoice_id: d.invoiceId,
            family_id: d.familyId,
            amount_cents: d.amountCents,
            whole: d.whole,
            reason: d.reason,
            issued_on: d.issuedOn,
          });
          return refresh(d.invoiceId, at, entry?.entry ?? null);
        }
        case 'PaymentRecorded': {
          const d = event.data;
          if (!payments.get({ payment_id: d.paymentId })) {
            payments.upsert(
              { payment_id: d.paymentId },
              {
                invoice_id: d.invoiceId,
                family_id: d.familyId,
                means: d.means,
                amount_cents: d.amountCents,
                paid_on: d.paidOn,
                reference: d.reference,
                status: 'recorded',
                recorded_at: at,
              },
            );
          }
          for (const op of payfip.find((o) => o.payment_id === d.paymentId)) payfip.update(op, { status: 'paid', settled_at: at });
          return refresh(d.invoiceId, at, entry?.entry ?? null);
        }
        case 'PaymentFailed': {
          const d = event.data;
          if (d.reversal) {
            payments.update({ payment_id: d.paymentId }, { status: 'reversed', reversed_on: d.failedOn, reversal_reason: d.detail });
            return refresh(d.invoiceId, at, entry?.entry ?? null);
          }
          for (const op of payfip.find((o) => o.payment_id === d.paymentId)) payfip.update(op, { status: d.reason, settled_at: at });
          return;
        }
        case 'PaymentRefunded':
          return refresh(event.data.invoiceId, at, entry?.entry ?? null);
        case 'InvoiceSentToCollection':
          return refresh(event.data.invoiceId, at, null, { sent_to_collection_on: event.data.sentOn, collection_batch_id: event.data.batchId });
        case 'PayfipPaymentStarted': {
          const d = event.data;
          if (payfip.get({ operation_id: d.operationId })) return;
          payfip.upsert(
            { operation_id: d.operationId },
            {
              invoice_id: d.invoiceId,
              family_id: d.familyId,
              payment_id: d.paymentId,
              amount_cents: d.amountCents,
              expires_at: d.expiresAt,
              status: 'pending',
              created_at: at,
            },
          );
          return;
        }
        case 'PayfipPaymentAnomaly':
          payfip.update({ operation_id: event.data.operationId }, { status: 'anomaly', detail: event.data.detail, settled_at: at });
          return;
      }
    });
    await invoices.flush();
    await insertRows(trx, tables[INVOICE_LINES_TABLE]!, lines, ['invoice_id', 'line_no']);
    await insertRows(trx, tables[CREDIT_NOTES_TABLE]!, creditNotes, ['credit_note_id']);
    await insertRows(trx, tables[LEDGER_TABLE]!, ledger, ['event_id']);
    await payments.flush();
    await payfip.flush();
  },
};

/** The ledger row of a movement of money (and its entry), or null. */
function ledgerRow(event: InvoiceEvent, recorded: RecordedEvent): { row: Row; entry: LedgerEntry } | null {
  const entry = ledgerEntryOf(event);
  if (!entry) return null;
  const d = event.data as Record<string, string>;
  const onDate = d.issuedOn ?? d.paidOn ?? d.failedOn ?? d.refundedOn ?? recorded.metadata.occurredAt.slice(0, 10);
  // A credit note names its own number (older ones have none): "Avoir AV-2026-000012 sur la facture 2026-000123".
  const label = event.type === 'CreditNoteIssued' && event.data.number ? `Avoir ${event.data.number} sur la facture` : LEDGER_LABELS[event.type];
  return {
    entry,
    row: {
      event_id: recorded.id,
      family_id: entry.familyId,
      invoice_id: entry.invoiceId,
      kind: entry.kind,
      amount_cents: entry.amountCents,
      on_date: onDate,
      occurred_at: recorded.metadata.occurredAt,
      label,
    },
  };
}

const INVOICE_DEFAULTS: Row = {
  number: null,
  year: null,
  sequence: null,
  family_id: null,
  period: null,
  kind: null,
  corrects_invoice_id: null,
  issued_on: null,
  due_date: null,
  total_cents: null,
  credited_cents: 0,
  paid_cents: 0,
  refunded_cents: 0,
  outstanding_cents: null,
  status: null,
  sent_to_collection_on: null,
  collection_batch_id: null,
  tariffs: null,
  issued_at: null,
  updated_at: null,
};
const PAYMENT_DEFAULTS: Row = {
  invoice_id: null,
  family_id: null,
  means: null,
  amount_cents: null,
  paid_on: null,
  reference: null,
  status: null,
  reversed_on: null,
  reversal_reason: null,
  recorded_at: null,
};
const PAYFIP_DEFAULTS: Row = {
  invoice_id: null,
  family_id: null,
  payment_id: null,
  amount_cents: null,
  expires_at: null,
  status: null,
  detail: null,
  created_at: null,
  settled_at: null,
};
