import { Command } from '@nestjs/cqrs';
import type { InvoiceActionResult } from '../../invoices/invoice-writer.js';

/** The bank rejected a direct debit: the payment is reversed and the invoice reopened. */
export class RejectDirectDebit extends Command<InvoiceActionResult> {
  constructor(
    readonly invoiceId: string,
    readonly paymentId: string,
    readonly reasonCode: string,
  ) {
    super();
  }
}
