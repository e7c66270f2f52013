import { Command } from '@nestjs/cqrs';
import type { IssueCreditNoteHandler } from './issue-credit-note.handler.js';

export type CreditNoteIssuedResult = Awaited<ReturnType<IssueCreditNoteHandler['issue']>>;

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
