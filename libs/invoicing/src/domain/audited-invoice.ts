import type { InvoiceEvent } from './invoice-events.js';
import { evolveInvoice, initialInvoiceState, outstandingOf, statusOf, type InvoiceState } from './invoice-state.js';
import { tariffDecider } from './tariff.decider.js';

/** The invoice state as an auditor reads it (plain JSON: no Map or Set), with its status and balance. */
export type AuditedInvoiceState = Omit<InvoiceState, 'creditNotes' | 'refunds' | 'payments' | 'payfip'> & {
  creditNotes: string[];
  refunds: string[];
  payments: Record<string, unknown>;
  payfip: Record<string, unknown>;
  status: string | null;
  outstandingCents: number;
};

const toPlain = (s: InvoiceState): AuditedInvoiceState => ({
  ...s,
  creditNotes: [...s.creditNotes],
  refunds: [...s.refunds],
  payments: Object.fromEntries(s.payments),
  payfip: Object.fromEntries(s.payfip),
  status: s.issued ? statusOf(s) : null,
  outstandingCents: outstandingOf(s),
});

const fromPlain = (p: AuditedInvoiceState): InvoiceState => ({
  issued: p.issued,
  creditedCents: p.creditedCents,
  paidCents: p.paidCents,
  refundedCents: p.refundedCents,
  sentToCollection: p.sentToCollection,
  creditNotes: new Set(p.creditNotes),
  refunds: new Set(p.refunds),
  payments: new Map(Object.entries(p.payments)) as InvoiceState['payments'],
  payfip: new Map(Object.entries(p.payfip)) as InvoiceState['payfip'],
});

/** For the audit's "state as of a date" (`invoice-…` and `tariff-…` streams). */
export const auditedInvoiceDecider = {
  initialState: () => toPlain(initialInvoiceState()),
  evolve: (state: AuditedInvoiceState, event: InvoiceEvent) => toPlain(evolveInvoice(fromPlain(state), event)),
};
export const auditedTariffDecider = { initialState: tariffDecider.initialState, evolve: tariffDecider.evolve };

/** A gapless numbering series of one year (`invoice_numbers-…`, `credit_note_numbers-…`): how many numbers, the first and the last. */
export interface AuditedNumberingState {
  assigned: number;
  first: { sequence: number; number: string; key: string } | null;
  last: { sequence: number; number: string; key: string } | null;
}
export const auditedNumberingDecider = {
  initialState: (): AuditedNumberingState => ({ assigned: 0, first: null, last: null }),
  evolve(state: AuditedNumberingState, event: { type: string; data: unknown }): AuditedNumberingState {
    const { sequence, number, key } = event.data as { sequence: number; number: string; key: string };
    const taken = { sequence, number, key };
    return { assigned: state.assigned + 1, first: state.first ?? taken, last: taken };
  },
};

/** A monthly billing run (`billing_run-…`): what its completion recorded. */
export const auditedBillingRunDecider = {
  initialState: (): { completed: boolean; facts: Record<string, unknown>[] } => ({ completed: false, facts: [] }),
  evolve(state: { completed: boolean; facts: Record<string, unknown>[] }, event: { type: string; data: unknown }) {
    return { completed: state.completed || event.type === 'BillingRunCompleted', facts: [...state.facts, { type: event.type, ...(event.data as object) }] };
  },
};
