import { Command } from '@nestjs/cqrs';
import type { ReissueInvoiceHandler } from './reissue-invoice.handler.js';

export type InvoiceReissued = Awaited<ReturnType<ReissueInvoiceHandler['reissue']>>;

/** A corrected invoice: the wrong one cancelled by a whole credit note, the month billed again. */
export class ReissueInvoice extends Command<InvoiceReissued> {
  constructor(
    readonly invoiceId: string,
    readonly reason: string,
  ) {
    super();
  }
}
