import { Command } from '@nestjs/cqrs';
import type { DeskMeans } from '../../domain/invoice-events.js';
import type { InvoiceActionResult } from '../../invoices/invoice-writer.js';

/** A payment at the régie's desk (cash, cheque, CESU where the town accepts them). */
export class RecordDeskPayment extends Command<InvoiceActionResult> {
  constructor(
    readonly invoiceId: string,
    /** `paymentId`: given by a caller that must write the same log twice (the school-year seed); else a new one. */
    readonly payment: { means: DeskMeans; amountCents: number; paidOn?: string; reference?: string | null; paymentId?: string },
  ) {
    super();
  }
}
