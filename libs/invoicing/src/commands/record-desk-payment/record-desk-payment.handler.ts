import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { ValidationError } from '#ardoise/kernel';
import { AppConfig } from '#ardoise/runtime';
import { InvoiceWriter, type InvoiceActionResult } from '../../invoices/invoice-writer.js';
import { RecordDeskPayment } from './record-desk-payment.command.js';

@CommandHandler(RecordDeskPayment)
export class RecordDeskPaymentHandler implements ICommandHandler<RecordDeskPayment> {
  constructor(
    @Inject(InvoiceWriter) private readonly invoices: InvoiceWriter,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  execute({ invoiceId, payment }: RecordDeskPayment): Promise<InvoiceActionResult> {
    if (payment.means === 'cesu' && this.config.TOWN_ACCEPTS_CESU !== true) {
      throw new ValidationError([{ field: 'means', messages: ['La régie n’accepte pas les CESU.'] }]);
    }
    return this.invoices.apply(invoiceId, {
      type: 'RecordPayment',
      paymentId: payment.paymentId ?? randomUUID(),
      means: payment.means,
      amountCents: payment.amountCents,
      paidOn: payment.paidOn ?? this.invoices.today(),
      reference: payment.reference ?? null,
    });
  }
}
