import { Command } from '@nestjs/cqrs';
import type { InvoiceActionResult } from '../../invoices/invoice-writer.js';

/** An overpayment given back to the family. */
export class RefundPayment extends Command<InvoiceActionResult> {
  constructor(
    readonly invoiceId: string,
    readonly amountCents: number,
    readonly reason: string,
  ) {
    super();
  }
}
