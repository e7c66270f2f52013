import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import { CLOCK, type Clock } from '#ardoise/commands';
import type { InvoiceSummary } from '#ardoise/contracts';
import { DATABASE } from '#ardoise/database';
import { parisDate } from '#ardoise/kernel';
import { listInvoices } from '../../invoices/invoice-views.js';
import type { InvoicingDatabase } from '../../projections/invoicing-database.js';
import { ListInvoices } from './list-invoices.query.js';

@QueryHandler(ListInvoices)
export class ListInvoicesHandler implements IQueryHandler<ListInvoices> {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<InvoicingDatabase>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ filter }: ListInvoices): Promise<InvoiceSummary[]> {
    return listInvoices(this.db, filter, parisDate(this.clock.now()));
  }
}
