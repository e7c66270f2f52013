import { defineEvent, streamName, type LocalDate } from '#ardoise/kernel';
import type { DomainEvent } from '#ardoise/commands';
import type { AppliedTariff, InvoiceLine } from './billing.js';
import type { Cents } from './money.js';

/** How a payment came in. */
export const PAYMENT_MEANS = ['payfip', 'direct_debit', 'cash', 'cheque', 'cesu'] as const;
/** What the régie takes at the desk; CESU only where the town accepts it (TOWN_ACCEPTS_CESU). */
export const DESK_MEANS = ['cash', 'cheque', 'cesu'] as const;
export type DeskMeans = (typeof DESK_MEANS)[number];
export type PaymentMeans = (typeof PAYMENT_MEANS)[number];

export type InvoiceIssued = DomainEvent<
  'InvoiceIssued',
  {
    invoiceId: string;
    /** Gapless per year: `2026-000123`. */
    number: string;
    familyId: string;
    period: string;
    kind: 'monthly' | 'correction';
    correctsInvoiceId: string | null;
    issuedOn: LocalDate;
    dueDate: LocalDate;
    lines: InvoiceLine[];
    tariffs: AppliedTariff[];
    totalCents: Cents;
  }
>;
/**
 * `number`: the credit note's own gapless yearly number (`AV-2026-000012`), from schemaVersion 2;
 * credit notes issued before it have none (shown without a number).
 */
export type CreditNoteIssued = DomainEvent<
  'CreditNoteIssued',
  { invoiceId: string; familyId: string; creditNoteId: string; number?: string; amountCents: Cents; whole: boolean; reason: string; issuedOn: LocalDate }
>;
defineEvent('CreditNoteIssued', { version: 2, upcasters: { 1: (data: CreditNoteIssued['data']) => data } }); // 2: `number` (absent before)
export type PaymentRecorded = DomainEvent<
  'PaymentRecorded',
  { invoiceId: string; familyId: string; paymentId: string; means: PaymentMeans; amountCents: Cents; paidOn: LocalDate; reference: string | null }
>;
/**
 * A payment that did not happen (PayFIP refused, abandoned, expired) or, with
 * `reversal: true`, one recorded then taken back (a rejected direct debit reopens the invoice).
 */
export type PaymentFailed = DomainEvent<
  'PaymentFailed',
  {
    invoiceId: string;
    familyId: string;
    paymentId: string;
    means: PaymentMeans;
    amountCents: Cents;
    reason: 'refused' | 'abandoned' | 'expired' | 'debit_rejected';
    reversal: boolean;
    detail: string | null;
    failedOn: LocalDate;
  }
>;
export type PaymentRefunded = DomainEvent<
  'PaymentRefunded',
  { invoiceId: string; familyId: string; refundId: string; amountCents: Cents; reason: string; refundedOn: LocalDate }
>;
export type InvoiceSentToCollection = DomainEvent<
  'InvoiceSentToCollection',
  { invoiceId: string; familyId: string; batchId: string; amountCents: Cents; sentOn: LocalDate }
>;
/** A PayFIP operation created (`idOp`, valid 15 minutes, usable once). */
export type PayfipPaymentStarted = DomainEvent<
  'PayfipPaymentStarted',
  { invoiceId: string; familyId: string; operationId: string; paymentId: string; amountCents: Cents; expiresAt: string }
>;
/** PayFIP answered something Ardoise cannot accept as is (e.g. another amount): for finance to look at. */
export type PayfipPaymentAnomaly = DomainEvent<
  'PayfipPaymentAnomaly',
  { invoiceId: string; familyId: string; operationId: string; paymentId: string; reason: 'amount_mismatch' | 'reference_mismatch'; detail: string }
>;

export type InvoiceEvent =
  InvoiceIssued | CreditNoteIssued | PaymentRecorded | PaymentFailed | PaymentRefunded | InvoiceSentToCollection | PayfipPaymentStarted | PayfipPaymentAnomaly;

export const INVOICE_EVENT_TYPES: InvoiceEvent['type'][] = [
  'InvoiceIssued',
  'CreditNoteIssued',
  'PaymentRecorded',
  'PaymentFailed',
  'PaymentRefunded',
  'InvoiceSentToCollection',
  'PayfipPaymentStarted',
  'PayfipPaymentAnomaly',
];

export const invoiceStream = (invoiceId: string) => streamName('invoice', invoiceId);
/** One monthly billing run's completion, for the audit trail. */
export const billingRunStream = (runId: string) => streamName('billing_run', runId);
