import type { InvoiceEvent } from './invoice-events.js';
import { evolveInvoice, initialInvoiceState, outstandingOf, type InvoiceState } from './invoice-state.js';
import type { Cents } from './money.js';

/** A family's account: issued − credited − paid + refunded = outstanding. */
export interface Balance {
  issuedCents: Cents;
  creditedCents: Cents;
  paidCents: Cents;
  refundedCents: Cents;
  outstandingCents: Cents;
}

export type LedgerKind = 'issued' | 'credited' | 'paid' | 'refunded';

/** One movement of money on a family's account, as the finance read model stores it. */
export interface LedgerEntry {
  familyId: string;
  invoiceId: string;
  kind: LedgerKind;
  /** Signed: a rejected direct debit is a negative `paid`. */
  amountCents: Cents;
}

/** The ledger movement of an invoice event (none for operations that move no money). */
export function ledgerEntryOf(event: InvoiceEvent): LedgerEntry | null {
  const { familyId, invoiceId } = event.data;
  switch (event.type) {
    case 'InvoiceIssued':
      return { familyId, invoiceId, kind: 'issued', amountCents: event.data.totalCents };
    case 'CreditNoteIssued':
      return { familyId, invoiceId, kind: 'credited', amountCents: event.data.amountCents };
    case 'PaymentRecorded':
      return { familyId, invoiceId, kind: 'paid', amountCents: event.data.amountCents };
    case 'PaymentFailed':
      return event.data.reversal ? { familyId, invoiceId, kind: 'paid', amountCents: -event.data.amountCents } : null;
    case 'PaymentRefunded':
      return { familyId, invoiceId, kind: 'refunded', amountCents: event.data.amountCents };
    default:
      return null;
  }
}

export const emptyBalance = (): Balance => ({ issuedCents: 0, creditedCents: 0, paidCents: 0, refundedCents: 0, outstandingCents: 0 });

/** Balances from ledger sums (the read-model side): outstanding by the identity. */
export function balanceFromSums(sums: Partial<Record<LedgerKind, Cents>>): Balance {
  const b = { issuedCents: sums.issued ?? 0, creditedCents: sums.credited ?? 0, paidCents: sums.paid ?? 0, refundedCents: sums.refunded ?? 0 };
  return { ...b, outstandingCents: b.issuedCents - b.creditedCents - b.paidCents + b.refundedCents };
}

/**
 * Balances by folding each invoice's events through the aggregate (the event side): an
 * independent path from the ledger, so a projector bug shows up as a difference.
 */
export class InvoiceFold {
  private readonly invoices = new Map<string, InvoiceState>();

  apply(event: InvoiceEvent): void {
    const id = event.data.invoiceId;
    this.invoices.set(id, evolveInvoice(this.invoices.get(id) ?? initialInvoiceState(), event));
  }

  byFamily(): Map<string, Balance> {
    const families = new Map<string, Balance>();
    for (const state of this.invoices.values()) {
      if (!state.issued) continue;
      const b = families.get(state.issued.familyId) ?? emptyBalance();
      b.issuedCents += state.issued.totalCents;
      b.creditedCents += state.creditedCents;
      b.paidCents += state.paidCents;
      b.refundedCents += state.refundedCents;
      b.outstandingCents += outstandingOf(state);
      families.set(state.issued.familyId, b);
    }
    return families;
  }
}

export interface ReconciliationDifference {
  familyId: string | null;
  field: keyof Balance | 'identity';
  readModelCents: Cents;
  eventsCents: Cents;
}

export interface Reconciliation {
  families: { familyId: string; readModel: Balance; events: Balance }[];
  total: { readModel: Balance; events: Balance };
  differences: ReconciliationDifference[];
}

const FIELDS: (keyof Balance)[] = ['issuedCents', 'creditedCents', 'paidCents', 'refundedCents', 'outstandingCents'];

/** Compares both sides field by field, per family and in total; also checks each side's identity. */
export function reconcile(readModel: Map<string, Balance>, events: Map<string, Balance>): Reconciliation {
  const ids = [...new Set([...readModel.keys(), ...events.keys()])].sort();
  const total = { readModel: emptyBalance(), events: emptyBalance() };
  const differences: ReconciliationDifference[] = [];
  const families = ids.map((familyId) => {
    const r = readModel.get(familyId) ?? emptyBalance();
    const e = events.get(familyId) ?? emptyBalance();
    for (const field of FIELDS) {
      total.readModel[field] += r[field];
      total.events[field] += e[field];
      if (r[field] !== e[field]) differences.push({ familyId, field, readModelCents: r[field], eventsCents: e[field] });
    }
    for (const [side, b] of [
      ['readModel', r],
      ['events', e],
    ] as const) {
      const identity = b.issuedCents - b.creditedCents - b.paidCents + b.refundedCents;
      if (identity !== b.outstandingCents) {
        differences.push({
          familyId,
          field: 'identity',
          readModelCents: side === 'readModel' ? identity : r.outstandingCents,
          eventsCents: side === 'events' ? identity : e.outstandingCents,
        });
      }
    }
    return { familyId, readModel: r, events: e };
  });
  for (const field of FIELDS) {
    if (total.readModel[field] !== total.events[field])
      differences.push({ familyId: null, field, readModelCents: total.readModel[field], eventsCents: total.events[field] });
  }
  return { families, total, differences };
}

/** A ledger movement with the event it comes from (event side) or the row it is (read-model side, no type nor stream). */
export interface TracedEntry extends LedgerEntry {
  eventId: string;
  eventType: string | null;
  streamId: string | null;
  occurredAt: string;
}

export interface Explanation {
  familyId: string;
  invoiceId: string;
  eventId: string;
  eventType: string | null;
  streamId: string | null;
  occurredAt: string;
  problem: 'missing_in_read_model' | 'amount_differs' | 'kind_differs' | 'not_in_events';
  eventsEntry: { kind: LedgerKind; amountCents: Cents } | null;
  readModelEntry: { kind: LedgerKind; amountCents: Cents } | null;
}

/**
 * The events behind a difference: each ledger row of the read model is keyed by the id of the
 * event that made it, so the two sides are matched event by event. An event with no row, a row
 * whose amount or kind differs from its event's, a row with no event: each is listed.
 */
export function explainDifferences(fromEvents: readonly TracedEntry[], fromReadModel: readonly TracedEntry[]): Explanation[] {
  const rows = new Map(fromReadModel.map((r) => [r.eventId, r]));
  const explanations: Explanation[] = [];
  const side = (e: TracedEntry) => ({ kind: e.kind, amountCents: e.amountCents });
  for (const event of fromEvents) {
    const row = rows.get(event.eventId);
    rows.delete(event.eventId);
    const problem = !row ? 'missing_in_read_model' : row.kind !== event.kind ? 'kind_differs' : row.amountCents !== event.amountCents ? 'amount_differs' : null;
    if (!problem) continue;
    explanations.push({ ...pick(event), problem, eventsEntry: side(event), readModelEntry: row ? side(row) : null });
  }
  for (const row of rows.values()) explanations.push({ ...pick(row), problem: 'not_in_events', eventsEntry: null, readModelEntry: side(row) });
  return explanations.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.eventId.localeCompare(b.eventId));
}

const pick = (e: TracedEntry) => ({
  familyId: e.familyId,
  invoiceId: e.invoiceId,
  eventId: e.eventId,
  eventType: e.eventType,
  streamId: e.streamId,
  occurredAt: e.occurredAt,
});
