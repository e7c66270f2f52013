import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, Town } from '#ardoise/runtime';
import { formatEuros, formatFrenchDate } from '../domain/money.js';
import { InvoiceQueries } from '../queries/invoice-queries.js';
import { TariffsService } from '../tariffs/tariffs.service.js';
import { renderInvoiceSheet } from './invoice-layout.js';
import { InvoiceNamesReader } from './invoice-names.js';
import { periodLabel, printedRows, printedTotals } from './invoice-print.js';

export { periodLabel } from './invoice-print.js';

/** The invoice as a PDF: the town and its régie, the family, the lines in parents' words, the totals, how to pay and to contest. */
@Injectable()
export class InvoicePdf {
  constructor(
    @Inject(InvoiceQueries) private readonly queries: InvoiceQueries,
    @Inject(InvoiceNamesReader) private readonly names: InvoiceNamesReader,
    @Inject(TariffsService) private readonly tariffs: TariffsService,
    @Inject(Town) private readonly town: Town,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  async render(invoiceId: string): Promise<Buffer> {
    const invoice = await this.queries.detail(invoiceId);
    const [names, tariffs, corrected] = await Promise.all([
      this.names.forFamily(invoice.familyId),
      this.tariffs.book(),
      invoice.correctsInvoiceId ? this.queries.summary(invoice.correctsInvoiceId) : undefined,
    ]);
    const correction = invoice.kind === 'correction';
    return renderInvoiceSheet({
      town: this.town.identity,
      logo: this.town.logo,
      title: correction ? 'Facture rectificative' : 'Facture',
      number: invoice.number,
      notes: corrected
        ? [`Cette facture rectificative remplace la facture n° ${corrected.number} du ${formatFrenchDate(corrected.issuedOn)}, annulée par un avoir.`]
        : [],
      familyName: names.familyName ?? '(données effacées)',
      period: periodLabel(invoice.period),
      issuedOn: formatFrenchDate(invoice.issuedOn),
      dueDate: formatFrenchDate(invoice.dueDate),
      rows: printedRows(invoice.lines, names, tariffs),
      totals: printedTotals(invoice),
      amountDue: invoice.outstandingCents > 0 ? formatEuros(invoice.outstandingCents) : null,
      payfip: { numcli: this.config.PAYFIP_NUMCLI, reference: invoice.payfipReference },
      portalUrl: this.config.publicUrl,
    });
  }
}
