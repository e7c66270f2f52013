import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InvoiceWriter, type InvoiceActionResult } from '../../invoices/invoice-writer.js';
import { RejectDirectDebit } from './reject-direct-debit.command.js';

@CommandHandler(RejectDirectDebit)
export class RejectDirectDebitHandler implements ICommandHandler<RejectDirectDebit> {
  constructor(@Inject(InvoiceWriter) private readonly invoices: InvoiceWriter) {}

  execute({ invoiceId, paymentId, reasonCode }: RejectDirectDebit): Promise<InvoiceActionResult> {
    return this.invoices.apply(invoiceId, { type: 'RejectDirectDebit', paymentId, reasonCode, rejectedOn: this.invoices.today() });
  }
}
