import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { InvoiceWriter, type InvoiceActionResult } from '../../invoices/invoice-writer.js';
import { RefundPayment } from './refund-payment.command.js';

@CommandHandler(RefundPayment)
export class RefundPaymentHandler implements ICommandHandler<RefundPayment> {
  constructor(@Inject(InvoiceWriter) private readonly invoices: InvoiceWriter) {}

  execute({ invoiceId, amountCents, reason }: RefundPayment): Promise<InvoiceActionResult> {
    return this.invoices.apply(invoiceId, { type: 'RefundPayment', refundId: randomUUID(), amountCents, reason, refundedOn: this.invoices.today() });
  }
}
