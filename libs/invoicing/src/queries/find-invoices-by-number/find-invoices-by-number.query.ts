import { Query } from '@nestjs/cqrs';
import type { InvoiceSummary } from '#ardoise/contracts';

/** Invoices whose number starts with `prefix` (« 2026-0001 », or without the dash), at most 20. */
export class FindInvoicesByNumber extends Query<InvoiceSummary[]> {
  constructor(readonly prefix: string) {
    super();
  }
}
