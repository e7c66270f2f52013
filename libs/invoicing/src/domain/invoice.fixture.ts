import type { InvoiceIssued } from './invoice-events.js';

/** `anInvoice('inv-1', 'famille-a', 12_00)`: an issued monthly invoice as the run would write it. */
export function anInvoice(invoiceId: string, familyId: string, totalCents: number, options: { number?: string; dueDate?: string } = {}): InvoiceIssued['data'] {
  return {
    invoiceId,
    number: options.number ?? '2026-000001',
    familyId,
    period: '2026-03',
    kind: 'monthly',
    correctsInvoiceId: null,
    issuedOn: '2026-04-01',
    dueDate: options.dueDate ?? '2026-04-30',
    lines: [],
    tariffs: [],
    totalCents,
  };
}
