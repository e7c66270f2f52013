import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import { DATABASE } from '#ardoise/database';
import { invoiceDetail, type InvoiceDetail } from '../../invoices/invoice-views.js';
import { InvoiceNamesReader } from '../../pdf/invoice-names.js';
import type { InvoicingDatabase } from '../../projections/invoicing-database.js';
import { GetInvoice } from './get-invoice.query.js';

@QueryHandler(GetInvoice)
export class GetInvoiceHandler implements IQueryHandler<GetInvoice> {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<InvoicingDatabase>,
    @Inject(InvoiceNamesReader) private readonly names: InvoiceNamesReader,
  ) {}

  execute({ invoiceId }: GetInvoice): Promise<InvoiceDetail> {
    return invoiceDetail(this.db, this.names, invoiceId);
  }
}
