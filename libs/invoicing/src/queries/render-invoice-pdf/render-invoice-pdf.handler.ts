import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import { DATABASE } from '#ardoise/database';
import { assertCanReadFamily } from '#ardoise/identity';
import { AppConfig, Town } from '#ardoise/runtime';
import { formatEuros, formatFrenchDate } from '../../domain/money.js';
import { invoiceDetail, invoiceSummary } from '../../invoices/invoice-views.js';
import { renderInvoiceSheet } from '../../pdf/invoice-layout.js';
import { InvoiceNamesReader } from '../../pdf/invoice-names.js';
import { periodLabel, printedRows, printedTotals } from '../../pdf/invoice-print.js';
import type { InvoicingDatabase } from '../../projections/invoicing-database.js';
import { TariffBookReader } from '../../tariffs/tariff-book.reader.js';
import { RenderInvoicePdf } from './render-invoice-pdf.query.js';

/** The invoice as a PDF: the town and its régie, the family, the lines in parents' words, the totals, how to pay and to contest. */
@QueryHandler(RenderInvoicePdf)
export class RenderInvoicePdfHandler implements IQueryHandler<RenderInvoicePdf> {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<InvoicingDatabase>,
    @Inject(InvoiceNamesReader) private readonly names: InvoiceNamesReader,
    @Inject(TariffBookReader) private readonly tariffs: TariffBookReader,
    @Inject(Town) private readonly town: Town,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  async execute({ invoiceId }: RenderInvoicePdf): Promise<{ number: string; content: Buffer }> {
    const summary = await invoiceSummary(this.db, invoiceId);
    assertCanReadFamily(summary.familyId);
    return { number: summary.number, content: await this.render(invoiceId) };
  }

  private async render(invoiceId: string): Promise<Buffer> {
    const invoice = await invoiceDetail(this.db, this.names, invoiceId);
    const [names, tariffs, corrected] = await Promise.all([
      this.names.forFamily(invoice.familyId),
      this.tariffs.book(),
      invoice.correctsInvoiceId ? invoiceSummary(this.db, invoice.correctsInvoiceId) : undefined,
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
