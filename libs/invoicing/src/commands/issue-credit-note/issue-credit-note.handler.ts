import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { AggregateRepository, currentContext } from '#ardoise/commands';
import { WrongExpectedVersionError } from '#ardoise/event-store';
import { retry, UnavailableError } from '#ardoise/kernel';
import { invoiceStream } from '../../domain/invoice-events.js';
import { creditNoteKey } from '../../domain/invoice-number.js';
import { invoiceDecider, type InvoiceCommand } from '../../domain/invoice.decider.js';
import { actionResult, InvoiceWriter } from '../../invoices/invoice-writer.js';
import { CreditNoteNumbering } from '../../numbering/invoice-numbering.js';
import { IssueCreditNote, type CreditNoteIssuedResult } from './issue-credit-note.command.js';

/**
 * A credit note under its own gapless number (`AV-2026-000012`). The rules are checked
 * before a number is taken; the number is keyed by the invoice and the credit note's rank
 * on it, and the credit note is appended on exactly the state it was decided on. A
 * concurrent write to the invoice makes it start again: same rank → same number (and id),
 * or the next rank if the other writer issued a credit note, whose number that was.
 */
@CommandHandler(IssueCreditNote)
export class IssueCreditNoteHandler implements ICommandHandler<IssueCreditNote> {
  constructor(
    @Inject(AggregateRepository) private readonly repository: AggregateRepository,
    @Inject(InvoiceWriter) private readonly invoices: InvoiceWriter,
    @Inject(CreditNoteNumbering) private readonly creditNumbers: CreditNoteNumbering,
  ) {}

  execute({ invoiceId, amountCents, reason }: IssueCreditNote): Promise<CreditNoteIssuedResult> {
    return this.issue(invoiceId, amountCents, reason);
  }

  async issue(invoiceId: string, amountCents: number | 'whole', reason: string) {
    const context = currentContext();
    const stream = invoiceStream(invoiceId);
    const attempt = async () => {
      const loaded = await this.repository.load(stream, invoiceDecider);
      const issuedOn = this.invoices.today();
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
        ...actionResult(invoiceId, result),
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
}
