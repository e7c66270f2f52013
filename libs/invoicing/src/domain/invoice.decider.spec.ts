import { schemaVersionOf } from '#ardoise/kernel';
import { AppError } from '#ardoise/kernel';
import type { InvoiceEvent } from './invoice-events.js';
import { invoiceDecider, type InvoiceCommand } from './invoice.decider.js';
import { anInvoice } from './invoice.fixture.js';
import { outstandingOf, statusOf, type InvoiceState } from './invoice-state.js';

function given(...commands: InvoiceCommand[]): { state: InvoiceState; events: InvoiceEvent[] } {
  let state = invoiceDecider.initialState();
  const events: InvoiceEvent[] = [];
  for (const command of commands) {
    const produced = invoiceDecider.decide(command, state);
    events.push(...produced);
    state = produced.reduce(invoiceDecider.evolve, state);
  }
  return { state, events };
}

const issue: InvoiceCommand = { type: 'IssueInvoice', invoice: anInvoice('inv-1', 'fam-1', 5000, { number: '2026-000123' }) };
const pay = (paymentId: string, amountCents: number, means: 'cash' | 'direct_debit' = 'cash'): InvoiceCommand => ({
  type: 'RecordPayment',
  paymentId,
  means,
  amountCents,
  paidOn: '2026-04-10',
  reference: null,
});
const codeOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return (error as AppError).code;
  }
  return 'no error';
};

describe('an invoice and its payments', () => {
  it('goes from issued to partially paid to paid', () => {
    expect(statusOf(given(issue).state)).toBe('issued');
    expect(statusOf(given(issue, pay('p1', 2000)).state)).toBe('partially_paid');
    const { state } = given(issue, pay('p1', 2000), pay('p2', 3000));
    expect(statusOf(state)).toBe('paid');
    expect(outstandingOf(state)).toBe(0);
  });

  it('records a payment sent twice only once, and refuses paying more than is due', () => {
    expect(given(issue, pay('p1', 2000), pay('p1', 2000)).events.filter((e) => e.type === 'PaymentRecorded')).toHaveLength(1);
    expect(codeOf(() => given(issue, pay('p1', 5001)))).toBe('INVOICE.OVERPAYMENT');
  });

  it('is cancelled by a whole credit note, and a credit note cannot exceed what remains', () => {
    const whole = given(issue, {
      type: 'IssueCreditNote',
      creditNoteId: 'a1',
      number: 'AV-2026-000001',
      amountCents: 'whole',
      reason: 'Erreur de saisie',
      issuedOn: '2026-04-05',
    });
    expect(statusOf(whole.state)).toBe('cancelled');
    expect(whole.events.at(-1)).toMatchObject({ type: 'CreditNoteIssued', data: { number: 'AV-2026-000001', amountCents: 5000, whole: true } });
    expect(schemaVersionOf('CreditNoteIssued')).toBe(2);
    const partial = {
      type: 'IssueCreditNote',
      creditNoteId: 'a2',
      number: 'AV-2026-000002',
      amountCents: 3000,
      reason: 'Sortie annulée',
      issuedOn: '2026-04-05',
    } as const;
    expect(codeOf(() => given(issue, partial, { ...partial, creditNoteId: 'a3' }))).toBe('INVOICE.CREDIT_TOO_LARGE');
  });

  it('reopens the invoice when a direct debit is rejected', () => {
    const { state, events } = given(issue, pay('d1', 5000, 'direct_debit'), {
      type: 'RejectDirectDebit',
      paymentId: 'd1',
      reasonCode: 'AM04',
      rejectedOn: '2026-05-08',
    });
    expect(events.at(-1)).toMatchObject({ type: 'PaymentFailed', data: { reason: 'debit_rejected', reversal: true, amountCents: 5000 } });
    expect(outstandingOf(state)).toBe(5000);
    expect(statusOf(state)).toBe('issued');
  });

  it('refunds only what was overpaid after a credit note', () => {
    const credited = [
      issue,
      pay('p1', 5000),
      { type: 'IssueCreditNote', creditNoteId: 'a1', amountCents: 1200, reason: 'Absence', issuedOn: '2026-04-20' },
    ] as InvoiceCommand[];
    const refund = (amountCents: number): InvoiceCommand => ({
      type: 'RefundPayment',
      refundId: 'r1',
      amountCents,
      reason: 'Trop-perçu',
      refundedOn: '2026-04-25',
    });
    expect(codeOf(() => given(...credited, refund(1201)))).toBe('INVOICE.NOTHING_TO_REFUND');
    expect(outstandingOf(given(...credited, refund(1200)).state)).toBe(0);
  });

  it('goes to the public accountant only when unpaid after its due date', () => {
    const send = (sentOn: string): InvoiceCommand => ({ type: 'SendToCollection', batchId: 'b1', sentOn });
    expect(codeOf(() => given(issue, send('2026-04-30')))).toBe('INVOICE.NOT_OVERDUE');
    const { state, events } = given(issue, pay('p1', 1000), send('2026-05-01'));
    expect(events.at(-1)).toMatchObject({ type: 'InvoiceSentToCollection', data: { amountCents: 4000 } });
    expect(statusOf(state)).toBe('sent_to_collection');
    expect(codeOf(() => given(issue, send('2026-05-01'), pay('p2', 100)))).toBe('INVOICE.SENT_TO_COLLECTION');
  });
});

describe('a PayFIP operation on an invoice', () => {
  const start: InvoiceCommand = { type: 'StartPayfipPayment', operationId: 'op1', paymentId: 'pf1', amountCents: 5000, expiresAt: '2026-04-10T10:15:00Z' };
  const settle = (result: 'P' | 'A' | 'R' | 'expired', amountCents = 5000, refdet = '2026000123'): InvoiceCommand => ({
    type: 'SettlePayfipOperation',
    operationId: 'op1',
    result,
    amountCents,
    refdet,
    paidOn: '2026-04-10',
    authorisation: 'AUTO42',
  });

  it('records the payment once, however many times PayFIP notifies', () => {
    const { state, events } = given(issue, start, settle('P'), settle('P'));
    expect(events.filter((e) => e.type === 'PaymentRecorded')).toHaveLength(1);
    expect(statusOf(state)).toBe('paid');
  });

  it('records a refusal and an abandonment as failed payments that leave the invoice due', () => {
    for (const [result, reason] of [
      ['R', 'refused'],
      ['A', 'abandoned'],
      ['expired', 'expired'],
    ] as const) {
      const { state, events } = given(issue, start, settle(result));
      expect(events.at(-1)).toMatchObject({ type: 'PaymentFailed', data: { reason, reversal: false } });
      expect(outstandingOf(state)).toBe(5000);
    }
  });

  it('records an anomaly, not a payment, when PayFIP reports another amount or debt reference', () => {
    expect(given(issue, start, settle('P', 4999)).events.at(-1)).toMatchObject({ type: 'PayfipPaymentAnomaly', data: { reason: 'amount_mismatch' } });
    expect(given(issue, start, settle('P', 5000, '2026000999')).events.at(-1)).toMatchObject({
      type: 'PayfipPaymentAnomaly',
      data: { reason: 'reference_mismatch' },
    });
  });

  it('refuses to start an operation for another amount than what is due', () => {
    expect(codeOf(() => given(issue, pay('p1', 100), start))).toBe('INVOICE.AMOUNT_CHANGED');
  });
});
