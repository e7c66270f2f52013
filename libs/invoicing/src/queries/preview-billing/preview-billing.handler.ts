import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { BillingPreview, SkipReason } from '#ardoise/contracts';
import { AppError } from '#ardoise/kernel';
import { BillingInputsCatchUp } from '../../billing-run/billing-inputs-catch-up.js';
import { BillingInputsReader } from '../../billing-run/billing-inputs.reader.js';
import { InvoiceIssuer } from '../../billing-run/invoice-issuer.js';
import { draftInvoice } from '../../domain/billing.js';
import { monthlyInvoiceKey } from '../../domain/invoice-number.js';
import { TariffBookReader } from '../../tariffs/tariff-book.reader.js';
import { PreviewBilling } from './preview-billing.query.js';

const MESSAGES: Record<Exclude<SkipReason, 'error'>, string> = {
  already_invoiced: 'Déjà facturée pour ce mois : la facturation ne l’émettra pas une seconde fois.',
  nothing_to_bill: 'Rien à facturer ce mois-ci (aucun jour facturable, ou un total nul).',
};

/**
 * A dry run of the monthly billing: the same inputs, tariffs and drafts as the run
 * (StartBillingRun), without numbering nor writing anything. Says how many invoices the
 * run would issue, for how much, and which families it would skip and why.
 */
@QueryHandler(PreviewBilling)
export class PreviewBillingHandler implements IQueryHandler<PreviewBilling> {
  constructor(
    @Inject(TariffBookReader) private readonly tariffs: TariffBookReader,
    @Inject(BillingInputsReader) private readonly inputs: BillingInputsReader,
    @Inject(InvoiceIssuer) private readonly issuer: InvoiceIssuer,
    @Inject(BillingInputsCatchUp) private readonly catchUp: BillingInputsCatchUp,
  ) {}

  async execute({ period }: PreviewBilling): Promise<BillingPreview> {
    await this.catchUp.waitForLatestFacts();
    const [inputs, book] = await Promise.all([this.inputs.forMonth(period), this.tariffs.book()]);
    const families = [...inputs.days.keys()].sort();
    const issued = await this.issuer.alreadyIssued(families.map((familyId) => monthlyInvoiceKey(familyId, period)));
    const result: BillingPreview = {
      period,
      families: families.length,
      invoices: 0,
      totalCents: 0,
      skipped: [],
      skippedByReason: { already_invoiced: 0, nothing_to_bill: 0, error: 0 },
    };
    const skip = (familyId: string, reason: SkipReason, code: string | null, message: string) => {
      result.skipped.push({ familyId, reason, code, message });
      result.skippedByReason[reason] += 1;
    };
    families.forEach((familyId, i) => {
      if (issued[i]) return skip(familyId, 'already_invoiced', null, MESSAGES.already_invoiced);
      try {
        const draft = draftInvoice({ familyId, period, days: inputs.days.get(familyId)!, quotients: inputs.quotients.get(familyId) ?? [], tariffs: book });
        if (!draft) return skip(familyId, 'nothing_to_bill', null, MESSAGES.nothing_to_bill);
        result.invoices += 1;
        result.totalCents += draft.totalCents;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        skip(familyId, 'error', error.code, `${error.title}${error.detail ? ` (${error.detail})` : ''}`);
      }
    });
    return result;
  }
}
