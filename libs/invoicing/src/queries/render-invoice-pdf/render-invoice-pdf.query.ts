import { Query } from '@nestjs/cqrs';

/** The invoice as a PDF, for a reader allowed to read the family's invoices. */
export class RenderInvoicePdf extends Query<{ number: string; content: Buffer }> {
  constructor(readonly invoiceId: string) {
    super();
  }
}
