import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import type { InvoiceSummary } from '#ardoise/contracts';
import { DATABASE } from '#ardoise/database';
import { toSummary } from '../../invoices/invoice-views.js';
import type { InvoicingDatabase } from '../../projections/invoicing-database.js';
import { FindInvoicesByNumber } from './find-invoices-by-number.query.js';

@QueryHandler(FindInvoicesByNumber)
export class FindInvoicesByNumberHandler implements IQueryHandler<FindInvoicesByNumber> {
  constructor(@Inject(DATABASE) private readonly db: Kysely<InvoicingDatabase>) {}

  async execute({ prefix }: FindInvoicesByNumber): Promise<InvoiceSummary[]> {
    const normalised = prefix.length > 4 && prefix[4] !== '-' ? `${prefix.slice(0, 4)}-${prefix.slice(4)}` : prefix;
    const rows = await this.db.selectFrom('invoicing_invoices').selectAll().where('number', 'like', `${normalised}%`).orderBy('number').limit(20).execute();
    return rows.map(toSummary);
  }
}
