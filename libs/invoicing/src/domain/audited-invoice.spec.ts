import { auditedInvoiceDecider } from './audited-invoice.js';
import { anInvoice } from './invoice.fixture.js';
import type { InvoiceEvent } from './invoice-events.js';

describe('an invoice as the auditor folds it', () => {
  it('is plain JSON with its status and balance after each event', () => {
    const events: InvoiceEvent[] = [
      { type: 'InvoiceIssued', data: anInvoice('inv-1', 'fam-1', 5000) },
      {
        type: 'PaymentRecorded',
        data: { invoiceId: 'inv-1', familyId: 'fam-1', paymentId: 'p1', means: 'cash', amountCents: 2000, paidOn: '2026-04-03', reference: null },
      },
    ];
    const state = events.reduce(auditedInvoiceDecider.evolve, auditedInvoiceDecider.initialState());
    expect(JSON.parse(JSON.stringify(state))).toMatchObject({
      status: 'partially_paid',
      outstandingCents: 3000,
      payments: { p1: { means: 'cash', amountCents: 2000, reversed: false } },
    });
  });
});
