import { Query } from '@nestjs/cqrs';
import type { InvoiceDetail } from '../../invoices/invoice-views.js';

/** One invoice: lines, credit notes, payments. */
export class GetInvoice extends Query<InvoiceDetail> {
  constructor(readonly invoiceId: string) {
    super();
  }
}
