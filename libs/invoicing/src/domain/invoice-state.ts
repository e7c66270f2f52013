import type { InvoiceEvent, InvoiceIssued, PaymentMeans } from './invoice-events.js';
import type { Cents } from './money.js';

export type InvoiceStatus = 'issued' | 'partially_paid' | 'paid' | 'cancelled' | 'sent_to_collection';

export const INVOICE_STATUS_LABELS: Record<InvoiceStatus, string> = {
  issued: 'En cours',
  partially_paid: 'Partiellement payée',
  paid: 'Payée',
  cancelled: 'Annulée par avoir',
  sent_to_collection: 'Transmise au comptable public',
};

export type PayfipOperationStatus = 'pending' | 'paid' | 'refused' | 'abandoned' | 'expired' | 'anomaly';

export interface InvoiceState {
  issued: InvoiceIssued['data'] | null;
  creditedCents: Cents;
  paidCents: Cents;
  refundedCents: Cents;
  sentToCollection: boolean;
  creditNotes: Set<string>;
  refunds: Set<string>;
  payments: Map<string, { means: PaymentMeans; amountCents: Cents; reversed: boolean }>;
  payfip: Map<string, { paymentId: string; amountCents: Cents; expiresAt: string; status: PayfipOperationStatus }>;
}

export const initialInvoiceState = (): InvoiceState => ({
  issued: null,
  creditedCents: 0,
  paidCents: 0,
  refundedCents: 0,
  sentToCollection: false,
  creditNotes: new Set(),
  refunds: new Set(),
  payments: new Map(),
  payfip: new Map(),
});

/** issued − credited − paid + refunded (a refund gives back money that was paid). */
export function outstandingOf(state: Pick<InvoiceState, 'issued' | 'creditedCents' | 'paidCents' | 'refundedCents'>): Cents {
  return (state.issued?.totalCents ?? 0) - state.creditedCents - state.paidCents + state.refundedCents;
}

export function statusOf(state: InvoiceState): InvoiceStatus {
  return statusFromAmounts({ ...state, totalCents: state.issued?.totalCents ?? 0 });
}

/** Pure fold; never throws (events are facts). Copies what it changes. */
export function evolveInvoice(state: InvoiceState, event: InvoiceEvent): InvoiceState {
  switch (event.type) {
    case 'InvoiceIssued':
      return { ...state, issued: event.data };
    case 'CreditNoteIssued':
      return { ...state, creditedCents: state.creditedCents + event.data.amountCents, creditNotes: new Set(state.creditNotes).add(event.data.creditNoteId) };
    case 'PaymentRecorded': {
      const payments = new Map(state.payments).set(event.data.paymentId, { means: event.data.means, amountCents: event.data.amountCents, reversed: false });
      const payfip = settle(state.payfip, event.data.paymentId, 'paid');
      return { ...state, paidCents: state.paidCents + event.data.amountCents, payments, payfip };
    }
    case 'PaymentFailed': {
      const payfipStatus = event.data.reason === 'debit_rejected' ? null : event.data.reason;
      const payfip = payfipStatus ? settle(state.payfip, event.data.paymentId, payfipStatus) : state.payfip;
      if (!event.data.reversal) return { ...state, payfip };
      const payment = state.payments.get(event.data.paymentId);
      const payments = new Map(state.payments);
      if (payment) payments.set(event.data.paymentId, { ...payment, reversed: true });
      return { ...state, paidCents: state.paidCents - event.data.amountCents, payments, payfip };
    }
    case 'PaymentRefunded':
      return { ...state, refundedCents: state.refundedCents + event.data.amountCents, refunds: new Set(state.refunds).add(event.data.refundId) };
    case 'InvoiceSentToCollection':
      return { ...state, sentToCollection: true };
    case 'PayfipPaymentStarted':
      return {
        ...state,
        payfip: new Map(state.payfip).set(event.data.operationId, {
          paymentId: event.data.paymentId,
          amountCents: event.data.amountCents,
          expiresAt: event.data.expiresAt,
          status: 'pending',
        }),
      };
    case 'PayfipPaymentAnomaly':
      return { ...state, payfip: settle(state.payfip, event.data.paymentId, 'anomaly') };
  }
}

function settle(operations: InvoiceState['payfip'], paymentId: string, status: PayfipOperationStatus): InvoiceState['payfip'] {
  const entry = [...operations].find(([, op]) => op.paymentId === paymentId);
  if (!entry) return operations;
  return new Map(operations).set(entry[0], { ...entry[1], status });
}

/** The status from the amounts alone (what the finance read model stores). */
export function statusFromAmounts(a: {
  totalCents: Cents;
  creditedCents: Cents;
  paidCents: Cents;
  refundedCents: Cents;
  sentToCollection: boolean;
}): InvoiceStatus {
  const outstanding = a.totalCents - a.creditedCents - a.paidCents + a.refundedCents;
  if (a.creditedCents >= a.totalCents) return 'cancelled';
  if (outstanding <= 0) return 'paid';
  if (a.sentToCollection) return 'sent_to_collection';
  return a.paidCents - a.refundedCents > 0 ? 'partially_paid' : 'issued';
}
