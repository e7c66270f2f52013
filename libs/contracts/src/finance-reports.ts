/** The finance office's dashboard, billing preview and reconciliation (docs/finance.md). */

export type PaymentChannel = 'payfip' | 'direct_debit' | 'desk';
export type AgeBucket = 'not_due' | 'd0_30' | 'd31_60' | 'd61_90' | 'over_90';

export interface FinanceDashboard {
  from: string; // AAAA-MM
  to: string;
  today: string; // AAAA-MM-JJ, Paris
  billedCollected: { month: string; billedCents: number; creditedCents: number; collectedCents: number }[];
  outstandingByAge: { bucket: AgeBucket; invoices: number; outstandingCents: number }[];
  paymentsByChannel: { channel: PaymentChannel; payments: number; amountCents: number }[];
  cantineAUnEuro: { month: string; mealsAtOneEuro: number; otherMeals: number; families: number }[];
  occupancy: { serviceCode: string; label: string; capacity: number | null; days: number; booked: number; attended: number; rate: number | null }[];
}

export type DashboardChart = 'billed-collected' | 'outstanding-by-age' | 'payments-by-channel' | 'cantine-a-un-euro' | 'occupancy';

export type SkipReason = 'already_invoiced' | 'nothing_to_bill' | 'error';

export interface BillingPreview {
  period: string;
  families: number;
  invoices: number;
  totalCents: number;
  skipped: { familyId: string; reason: SkipReason; code: string | null; message: string }[];
  skippedByReason: Record<SkipReason, number>;
}

export interface BillingRunProgress {
  runId: string;
  period: string;
  status: 'running' | 'completed' | 'failed';
  total: number;
  done: number;
  issued: number;
  skipped: number;
  failed: number;
  amountCents: number;
  errors: { familyId: string | null; code: string; message: string }[];
  startedAt: string;
  finishedAt: string | null;
}

export interface BalanceView {
  issuedCents: number;
  creditedCents: number;
  paidCents: number;
  refundedCents: number;
  outstandingCents: number;
}

/** One invoice event whose ledger row (read model) is missing, different, or has no event. */
export interface ReconciliationExplanation {
  familyId: string;
  invoiceId: string;
  eventId: string;
  eventType: string | null;
  streamId: string | null;
  occurredAt: string;
  problem: 'missing_in_read_model' | 'amount_differs' | 'kind_differs' | 'not_in_events';
  eventsEntry: { kind: string; amountCents: number } | null;
  readModelEntry: { kind: string; amountCents: number } | null;
}

export interface ReconciliationReport {
  asOf: string;
  families: { familyId: string; readModel: BalanceView; events: BalanceView }[];
  total: { readModel: BalanceView; events: BalanceView };
  differences: { familyId: string | null; field: string; readModelCents: number; eventsCents: number }[];
  explanations: ReconciliationExplanation[];
}

export interface CollectionSummary {
  regie: string;
  month: string;
  byMeans: { means: string; count: number; amountCents: number }[];
  days: { date: string; means: string; count: number; amountCents: number }[];
  totalCents: number;
}
