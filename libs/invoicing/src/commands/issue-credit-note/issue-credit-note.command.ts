import { Command } from '@nestjs/cqrs';
import type { InvoiceActionResult } from '../../invoices/invoice-writer.js';

export type CreditNoteIssuedResult = InvoiceActionResult & { creditNote: { creditNoteId: string; number: string } | null };

/** A partial or whole credit note on an invoice, under its own gapless number, with its reason. */
export class IssueCreditNote extends Command<CreditNoteIssuedResult> {
  constructor(
    readonly invoiceId: string,
    readonly amountCents: number | 'whole',
    readonly reason: string,
  ) {
    super();
  }
}
