import { Command } from '@nestjs/cqrs';
import type { CreditNoteIssuedResult } from '../issue-credit-note/issue-credit-note.command.js';

export interface InvoiceReissued {
  cancelled: string;
  creditNote: CreditNoteIssuedResult | null;
  correction: { invoiceId: string; totalCents: number } | null;
}

/** A corrected invoice: the wrong one cancelled by a whole credit note, the month billed again. */
export class ReissueInvoice extends Command<InvoiceReissued> {
  constructor(
    readonly invoiceId: string,
    readonly reason: string,
  ) {
    super();
  }
}
