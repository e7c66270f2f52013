import { Command } from '@nestjs/cqrs';
import type { DeskMeans } from '../../domain/invoice-events.js';
import type { InvoiceActionResult } from '../../invoices/invoice-writer.js';

/** A payment at the régie's desk (cash, cheque, CESU where the town accepts them). */
export class RecordDeskPayment extends Command<InvoiceActionResult> {
  constructor(
    readonly invoiceId: string,
    readonly payment: { means: DeskMeans; amountCents: number; paidOn?: string; reference?: string | null },
  ) {
    super();
  }
}
