import { Query } from '@nestjs/cqrs';
import type { InvoiceExplanation } from '#ardoise/contracts';

/** « Pourquoi ce montant ? »: each line of an invoice traced back to the events it was billed from. */
export class ExplainInvoice extends Query<InvoiceExplanation> {
  constructor(readonly invoiceId: string) {
    super();
  }
}
