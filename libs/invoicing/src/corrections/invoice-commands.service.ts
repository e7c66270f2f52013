import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AggregateRepository, CLOCK, currentContext, type Clock } from '#ardoise/commands';
import { parisDate } from '#ardoise/catalogue';
import { invoiceStream } from '../domain/invoice-events.js';
import { invoiceDecider, type InvoiceCommand } from '../domain/invoice.decider.js';
import { outstandingOf, statusOf } from '../domain/invoice-state.js';

/** Finance acts on one invoice: credit notes, desk payments, refunds, rejected debits. */
@Injectable()
export class InvoiceCommands {
  constructor(
    @Inject(AggregateRepository) private readonly repository: AggregateRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  today(): string {
    return parisDate(this.clock.now());
  }

  async handle(invoiceId: string, command: InvoiceCommand) {
    const result = await this.repository.handle(invoiceStream(invoiceId), invoiceDecider, command, currentContext(), { retriesOnConflict: 5 });
    return { invoiceId, status: statusOf(result.state), outstandingCents: outstandingOf(result.state), events: result.events.map((e) => e.type) };
  }

  creditNote(invoiceId: string, amountCents: number | 'whole', reason: string) {
    return this.handle(invoiceId, { type: 'IssueCreditNote', creditNoteId: randomUUID(), amountCents, reason, issuedOn: this.today() });
  }

  deskPayment(invoiceId: string, payment: { means: 'cash' | 'cheque'; amountCents: number; paidOn?: string; reference?: string | null }) {
    return this.handle(invoiceId, {
      type: 'RecordPayment',
      paymentId: randomUUID(),
      means: payment.means,
      amountCents: payment.amountCents,
      paidOn: payment.paidOn ?? this.today(),
      reference: payment.reference ?? null,
    });
  }

  refund(invoiceId: string, amountCents: number, reason: string) {
    return this.handle(invoiceId, { type: 'RefundPayment', refundId: randomUUID(), amountCents, reason, refundedOn: this.today() });
  }

  rejectDirectDebit(invoiceId: string, paymentId: string, reasonCode: string) {
    return this.handle(invoiceId, { type: 'RejectDirectDebit', paymentId, reasonCode, rejectedOn: this.today() });
  }
}
