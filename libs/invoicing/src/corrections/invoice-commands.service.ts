import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AggregateRepository, CLOCK, currentContext, type Clock } from '#ardoise/commands';
import { WrongExpectedVersionError } from '#ardoise/event-store';
import { retry, UnavailableError, parisDate } from '#ardoise/kernel';
import { invoiceStream, type DeskMeans } from '../domain/invoice-events.js';
import { creditNoteKey } from '../domain/invoice-number.js';
import { invoiceDecider, type InvoiceCommand } from '../domain/invoice.decider.js';
import { outstandingOf, statusOf } from '../domain/invoice-state.js';
import { CreditNoteNumbering } from '../numbering/invoice-numbering.js';

/** Finance acts on one invoice: credit notes, desk payments, refunds, rejected debits. */
@Injectable()
export class InvoiceCommands {
  constructor(
    @Inject(AggregateRepository) private readonly repository: AggregateRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CreditNoteNumbering) private readonly creditNumbers: CreditNoteNumbering,
  ) {}

  today(): string {
    return parisDate(this.clock.now());
  }

  async handle(invoiceId: string, command: InvoiceCommand) {
    const result = await this.repository.handle(invoiceStream(invoiceId), invoiceDecider, command, currentContext(), { retriesOnConflict: 5 });
    return this.summary(invoiceId, result);
  }

  private summary(invoiceId: string, result: { state: Parameters<typeof statusOf>[0]; events: { type: string }[] }) {
    return { invoiceId, status: statusOf(result.state), outstandingCents: outstandingOf(result.state), events: result.events.map((e) => e.type) };
  }

  /**
   * A credit note under its own gapless number (`AV-2026-000012`). The rules are checked
   * before a number is taken; the number is keyed by the invoice and the credit note's rank
   * on it, and the credit note is appended on exactly the state it was decided on. A
   * concurrent write to the invoice makes it start again: same rank → same number (and id),
   * or the next rank if the other writer issued a credit note, whose number that was.
   */
  async creditNote(invoiceId: string, amountCents: number | 'whole', reason: string) {
    const context = currentContext();
    const stream = invoiceStream(invoiceId);
    const attempt = async () => {
      const loaded = await this.repository.load(stream, invoiceDecider);
      const issuedOn = this.today();
      const replayed = !!context.idempotencyKey && loaded.events.some((e) => e.metadata.idempotencyKey === context.idempotencyKey);
      if (!replayed) invoiceDecider.decide({ type: 'IssueCreditNote', creditNoteId: randomUUID(), number: '', amountCents, reason, issuedOn }, loaded.state);
      const key = creditNoteKey(invoiceId, loaded.state.creditNotes.size + 1);
      const assignment = replayed
        ? undefined
        : (await this.creditNumbers.assign(Number(issuedOn.slice(0, 4)), [{ key, invoiceId: randomUUID() }], context)).get(key)!;
      const command: InvoiceCommand = {
        type: 'IssueCreditNote',
        creditNoteId: assignment?.invoiceId ?? randomUUID(),
        number: assignment?.number ?? '',
        amountCents,
        reason,
        issuedOn,
      };
      const result = await this.repository.handle(stream, invoiceDecider, command, context, { retriesOnConflict: 0, loaded });
      return {
        ...this.summary(invoiceId, result),
        creditNote: assignment ? { creditNoteId: assignment.invoiceId, number: assignment.number } : null,
      };
    };
    try {
      return await retry(attempt, { retries: 19, retryIf: (error) => error instanceof WrongExpectedVersionError });
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      throw new UnavailableError('INVOICE.BUSY', 'Cette facture est modifiée au même moment par quelqu’un d’autre : réessayez dans un instant.');
    }
  }

  deskPayment(invoiceId: string, payment: { means: DeskMeans; amountCents: number; paidOn?: string; reference?: string | null }) {
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
