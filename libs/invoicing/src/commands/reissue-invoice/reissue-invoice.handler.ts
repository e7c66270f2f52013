import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateRepository, currentContext } from '#ardoise/commands';
import { AppConfig } from '#ardoise/runtime';
import { NotFoundError, RuleViolationError, addDays } from '#ardoise/kernel';
import { BillingInputsCatchUp } from '../../billing-run/billing-inputs-catch-up.js';
import { BillingInputsReader } from '../../billing-run/billing-inputs.reader.js';
import { InvoiceIssuer } from '../../billing-run/invoice-issuer.js';
import { draftInvoice } from '../../domain/billing.js';
import { invoiceStream } from '../../domain/invoice-events.js';
import { correctionInvoiceKey } from '../../domain/invoice-number.js';
import { invoiceDecider } from '../../domain/invoice.decider.js';
import { InvoiceWriter } from '../../invoices/invoice-writer.js';
import { TariffBookReader } from '../../tariffs/tariff-book.reader.js';
import { IssueCreditNote } from '../issue-credit-note/issue-credit-note.command.js';
import { ReissueInvoice, type InvoiceReissued } from './reissue-invoice.command.js';

/**
 * A corrected invoice: the wrong one is cancelled by a whole credit note, and the month is
 * billed again from today's billable days (an absence justified late, a mark corrected),
 * at the tariffs in force on each day, under a new number, pointing at the one it corrects.
 */
@CommandHandler(ReissueInvoice)
export class ReissueInvoiceHandler implements ICommandHandler<ReissueInvoice> {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(AggregateRepository) private readonly repository: AggregateRepository,
    @Inject(InvoiceWriter) private readonly invoices: InvoiceWriter,
    @Inject(BillingInputsReader) private readonly inputs: BillingInputsReader,
    @Inject(TariffBookReader) private readonly tariffs: TariffBookReader,
    @Inject(InvoiceIssuer) private readonly issuer: InvoiceIssuer,
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(BillingInputsCatchUp) private readonly catchUp: BillingInputsCatchUp,
  ) {}

  execute({ invoiceId, reason }: ReissueInvoice): Promise<InvoiceReissued> {
    return this.reissue(invoiceId, reason);
  }

  async reissue(invoiceId: string, reason: string) {
    const { state } = await this.repository.load(invoiceStream(invoiceId), invoiceDecider);
    if (!state.issued) throw new NotFoundError('INVOICE.NOT_FOUND', 'Facture introuvable.');
    if (state.paidCents - state.refundedCents > 0) {
      throw new RuleViolationError('INVOICE.ALREADY_PAID', 'Cette facture a reçu un paiement : émettez un avoir partiel plutôt qu’une facture rectificative.');
    }
    const { familyId, period } = state.issued;
    await this.catchUp.waitForLatestFacts(); // the correction bills what was recorded just before it
    const credit = state.creditedCents < state.issued.totalCents ? await this.commands.execute(new IssueCreditNote(invoiceId, 'whole', reason)) : undefined;
    const [inputs, book] = await Promise.all([this.inputs.forMonth(period, [familyId]), this.tariffs.book()]);
    const draft = draftInvoice({ familyId, period, days: inputs.days.get(familyId) ?? [], quotients: inputs.quotients.get(familyId) ?? [], tariffs: book });
    if (!draft) return { cancelled: invoiceId, creditNote: credit ?? null, correction: null };
    const issuedOn = this.invoices.today();
    const [outcome] = await this.issuer.issue(
      [{ key: correctionInvoiceKey(invoiceId, 1), draft, kind: 'correction', correctsInvoiceId: invoiceId }],
      { issuedOn, dueDate: addDays(issuedOn, this.config.INVOICE_DUE_DAYS) },
      currentContext(),
    );
    return { cancelled: invoiceId, creditNote: credit ?? null, correction: { invoiceId: outcome.invoiceId, totalCents: outcome.totalCents } };
  }
}
