import fc from 'fast-check';
import { AppError } from '#ardoise/kernel';
import type { InvoiceEvent } from './invoice-events.js';
import { invoiceDecider, type InvoiceCommand } from './invoice.decider.js';
import { anInvoice } from './invoice.fixture.js';
import { balanceFromSums, explainDifferences, InvoiceFold, ledgerEntryOf, reconcile, type Balance, type LedgerKind } from './reconciliation.js';
import type { InvoiceState } from './invoice-state.js';

const families = ['fam-a', 'fam-b', 'fam-c'];
const anAct = fc.oneof(
  fc.record({ kind: fc.constant('issue' as const), family: fc.constantFrom(...families), total: fc.integer({ min: 1, max: 40_000 }) }),
  fc.record({ kind: fc.constant('credit' as const), invoice: fc.nat(), amount: fc.oneof(fc.integer({ min: 1, max: 20_000 }), fc.constant('whole' as const)) }),
  fc.record({
    kind: fc.constant('pay' as const),
    invoice: fc.nat(),
    amount: fc.integer({ min: 1, max: 40_000 }),
    means: fc.constantFrom('cash', 'cheque', 'direct_debit'),
  }),
  fc.record({ kind: fc.constant('reject' as const), invoice: fc.nat(), payment: fc.nat() }),
  fc.record({ kind: fc.constant('refund' as const), invoice: fc.nat(), amount: fc.integer({ min: 1, max: 20_000 }) }),
);

describe('reconciliation', () => {
  it('finds zero difference between the ledger and the folded events after any sequence of invoices, credits, payments, rejections and refunds', () => {
    fc.assert(
      fc.property(fc.array(anAct, { maxLength: 60 }), (acts) => {
        const states = new Map<string, InvoiceState>();
        const payments = new Map<string, string[]>();
        const log: InvoiceEvent[] = [];
        let n = 0;
        for (const act of acts) {
          const ids = [...states.keys()];
          const invoiceId = act.kind === 'issue' ? `inv-${++n}` : ids[act.invoice % Math.max(ids.length, 1)];
          if (!invoiceId) continue;
          const id = `${act.kind}-${log.length}`;
          const command: InvoiceCommand =
            act.kind === 'issue'
              ? { type: 'IssueInvoice', invoice: anInvoice(invoiceId, act.family, act.total) }
              : act.kind === 'credit'
                ? { type: 'IssueCreditNote', creditNoteId: id, number: `AV-2026-${id}`, amountCents: act.amount, reason: 'test', issuedOn: '2026-04-02' }
                : act.kind === 'pay'
                  ? { type: 'RecordPayment', paymentId: id, means: act.means as 'cash', amountCents: act.amount, paidOn: '2026-04-03', reference: null }
                  : act.kind === 'reject'
                    ? {
                        type: 'RejectDirectDebit',
                        paymentId: (payments.get(invoiceId) ?? [])[act.payment % Math.max(payments.get(invoiceId)?.length ?? 1, 1)] ?? 'none',
                        reasonCode: 'AM04',
                        rejectedOn: '2026-04-04',
                      }
                    : { type: 'RefundPayment', refundId: id, amountCents: act.amount, reason: 'test', refundedOn: '2026-04-05' };
          const state = states.get(invoiceId) ?? invoiceDecider.initialState();
          let events: InvoiceEvent[];
          try {
            events = invoiceDecider.decide(command, state);
          } catch (error) {
            if (error instanceof AppError) continue; // refused: nothing written
            throw error;
          }
          states.set(invoiceId, events.reduce(invoiceDecider.evolve, state));
          if (command.type === 'RecordPayment') payments.set(invoiceId, [...(payments.get(invoiceId) ?? []), command.paymentId]);
          log.push(...events);
        }

        // Read-model side: the ledger rows the projector writes, summed per family.
        const sums = new Map<string, Partial<Record<LedgerKind, number>>>();
        for (const event of log) {
          const entry = ledgerEntryOf(event);
          if (!entry) continue;
          const s = sums.get(entry.familyId) ?? {};
          s[entry.kind] = (s[entry.kind] ?? 0) + entry.amountCents;
          sums.set(entry.familyId, s);
        }
        const readModel = new Map<string, Balance>([...sums].map(([family, s]) => [family, balanceFromSums(s)]));
        const fold = new InvoiceFold();
        log.forEach((event) => fold.apply(event));
        const result = reconcile(readModel, fold.byFamily());

        expect(result.differences).toEqual([]);
        const t = result.total.events;
        expect(t.issuedCents - t.creditedCents - t.paidCents + t.refundedCents).toBe(t.outstandingCents);
        for (const { events } of result.families) {
          expect(events.paidCents).toBeGreaterThanOrEqual(0);
          expect(events.creditedCents).toBeLessThanOrEqual(events.issuedCents);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('lists a difference when the read model lost a payment', () => {
    const fold = new InvoiceFold();
    fold.apply({ type: 'InvoiceIssued', data: anInvoice('inv-1', 'fam-a', 5000) });
    fold.apply({
      type: 'PaymentRecorded',
      data: { invoiceId: 'inv-1', familyId: 'fam-a', paymentId: 'p', means: 'cash', amountCents: 2000, paidOn: '2026-04-03', reference: null },
    });
    const result = reconcile(new Map([['fam-a', balanceFromSums({ issued: 5000 })]]), fold.byFamily());
    expect(result.differences).toEqual(
      expect.arrayContaining([
        { familyId: 'fam-a', field: 'paidCents', readModelCents: 0, eventsCents: 2000 },
        { familyId: null, field: 'outstandingCents', readModelCents: 5000, eventsCents: 3000 },
      ]),
    );
  });

  it('names the events behind a difference: one lost by the read model, one with another amount, and a row with no event', () => {
    const at = (n: number) => `2026-04-0${n}T08:00:00.000Z`;
    const entry = (eventId: string, kind: 'issued' | 'paid', amountCents: number, n: number) => ({
      eventId,
      familyId: 'fam-a',
      invoiceId: 'inv-1',
      kind,
      amountCents,
      occurredAt: at(n),
    });
    const fromEvents = [
      { ...entry('e1', 'issued', 5000, 1), eventType: 'InvoiceIssued', streamId: 'invoice-inv-1' },
      { ...entry('e2', 'paid', 2000, 2), eventType: 'PaymentRecorded', streamId: 'invoice-inv-1' },
      { ...entry('e3', 'paid', 1000, 3), eventType: 'PaymentRecorded', streamId: 'invoice-inv-1' },
    ];
    const fromReadModel = [entry('e1', 'issued', 5000, 1), entry('e3', 'paid', 1100, 3), entry('e9', 'paid', 300, 4)].map((e) => ({
      ...e,
      eventType: null,
      streamId: null,
    }));
    expect(
      explainDifferences(fromEvents, fromReadModel).map((e) => [
        e.eventId,
        e.problem,
        e.eventType,
        e.eventsEntry?.amountCents ?? null,
        e.readModelEntry?.amountCents ?? null,
      ]),
    ).toEqual([
      ['e2', 'missing_in_read_model', 'PaymentRecorded', 2000, null],
      ['e3', 'amount_differs', 'PaymentRecorded', 1000, 1100],
      ['e9', 'not_in_events', null, null, 300],
    ]);
  });
});
