import { Query } from '@nestjs/cqrs';
import type { InvoiceSummary } from '#ardoise/contracts';
import type { InvoiceFilter } from '../../invoices/invoice-views.js';

/** Invoices by status, month, family, issue dates, amount, overdue (the finance office's list). */
export class ListInvoices extends Query<InvoiceSummary[]> {
  constructor(readonly filter: InvoiceFilter) {
    super();
  }
}
