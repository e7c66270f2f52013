/** Invoices and payments as the parent portal reads them (mirrors libs/invoicing). */
export type InvoiceStatus = 'issued' | 'partially_paid' | 'paid' | 'cancelled' | 'sent_to_collection';

export interface InvoiceSummary {
  invoiceId: string;
  /** Gapless per year, e.g. 2026-000123. */
  number: string;
  familyId: string;
  /** The month billed, AAAA-MM. */
  period: string;
  kind: string;
  correctsInvoiceId: string | null;
  issuedOn: string;
  dueDate: string;
  totalCents: number;
  creditedCents: number;
  paidCents: number;
  refundedCents: number;
  outstandingCents: number;
  status: InvoiceStatus;
  statusLabel: string;
  /** PayFIP debt reference (refdet). */
  payfipReference: string;
  /** The family's name, in finance lists (null once forgotten, or where not read). */
  familyName?: string | null;
}

/** GET /families/:familyId/invoices — « en cours » and « payées ». */
export interface FamilyInvoices {
  current: InvoiceSummary[];
  settled: InvoiceSummary[];
}

export interface InvoiceDetail extends InvoiceSummary {
  lines: { childId: string; serviceCode: string; kind: string; days: number; unitPriceCents: number; amountCents: number; dates: string[] }[];
  payments: { paymentId: string; means: string; amountCents: number; paidOn: string; reference: string | null; status: string }[];
  payfipOperations: {
    operationId: string;
    paymentId: string;
    amountCents: number;
    status: 'pending' | 'paid' | 'refused' | 'abandoned' | 'expired' | 'anomaly';
    detail: unknown;
  }[];
}

/** POST /invoices/:invoiceId/payfip — where to send the parent (valid 15 minutes). */
export interface PayfipStart {
  operationId: string;
  paymentId: string;
  amountCents: number;
  expiresAt: string;
  paymentUrl: string;
}

/** One event of the log, as the finance office reads it in « Pourquoi ce montant ? ». */
export interface ExplainedEvent {
  eventId: string;
  type: string;
  streamId: string;
  revision: number;
  /** Encoded global position (opaque). */
  position: string;
  recordedAt: string;
  occurredAt: string;
  actorRole: string;
  /** The fact in French, for an accountant. */
  summary: string;
  /** The event's data that matter here; health data left out (named in `redacted`). */
  data: Record<string, unknown>;
  redacted: string[];
  /** True when this event is what makes the line (the booking, the override, the mark…). */
  decisive: boolean;
}

/** GET /finance/invoices/:invoiceId/explanation — each line traced to its events, tariff and QF. */
export interface InvoiceExplanation {
  invoiceId: string;
  number: string;
  familyId: string;
  familyName: string | null;
  period: string;
  totalCents: number;
  issuedEvent: ExplainedEvent | null;
  lines: ExplainedLine[];
}

export interface ExplainedLine {
  lineNo: number;
  childId: string;
  childName: string | null;
  serviceCode: string;
  serviceLabel: string | null;
  kind: 'service' | 'late_booking_surcharge' | 'unbooked_presence_surcharge' | 'justified_absence_credit';
  days: number;
  unitPriceCents: number;
  amountCents: number;
  /** Why this kind of line, in French (the rule applied). */
  rule: string;
  tariff: {
    version: number;
    effectiveFrom: string | null;
    bracket: { code: string; label: string | null; qfFrom: number | null; qfTo: number | null; unitPriceCents: number | null; cantineAUnEuro: boolean };
    lateBookingSurchargeCents: number | null;
    unbookedPresenceSurchargeCents: number | null;
    event: ExplainedEvent | null;
  };
  quotient: {
    /** The QF the bracket was chosen from; null = no valid QF on file, highest bracket. */
    amount: number | null;
    explanation: string;
    event: ExplainedEvent | null;
  };
  dates: { date: string; events: ExplainedEvent[] }[];
}
