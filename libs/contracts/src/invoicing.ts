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
}

/** GET /families/:familyId/invoices — « en cours » and « payées ». */
export interface FamilyInvoices {
  current: InvoiceSummary[];
  settled: InvoiceSummary[];
}

export interface InvoiceDetail extends InvoiceSummary {
  lines: { childId: string; serviceCode: string; kind: string; days: number; unitPriceCents: number; amountCents: number; dates: string[] }[];
  payments: { paymentId: string; means: string; amountCents: number; paidOn: string; reference: string | null; status: string }[];
  payfipOperations: { operationId: string; paymentId: string; amountCents: number; status: 'pending' | 'paid' | 'refused' | 'abandoned' | 'expired' | 'anomaly'; detail: unknown }[];
}

/** POST /invoices/:invoiceId/payfip — where to send the parent (valid 15 minutes). */
export interface PayfipStart {
  operationId: string;
  paymentId: string;
  amountCents: number;
  expiresAt: string;
  paymentUrl: string;
}
