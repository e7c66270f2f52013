import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import { CLOCK, type Clock } from '#ardoise/commands';
import type { InvoiceSummary } from '#ardoise/contracts';
import { DATABASE } from '#ardoise/database';
import { parisDate } from '#ardoise/kernel';
import { listInvoices } from '../../invoices/invoice-views.js';
import type { InvoicingDatabase } from '../../projections/invoicing-database.js';
import { ListFamilyInvoices } from './list-family-invoices.query.js';

@QueryHandler(ListFamilyInvoices)
export class ListFamilyInvoicesHandler implements IQueryHandler<ListFamilyInvoices> {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<InvoicingDatabase>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ familyId }: ListFamilyInvoices): Promise<{ current: InvoiceSummary[]; settled: InvoiceSummary[] }> {
    const invoices = await listInvoices(this.db, { familyId }, parisDate(this.clock.now()));
    const settled = (i: InvoiceSummary) => i.status === 'paid' || i.status === 'cancelled';
    return { current: invoices.filter((i) => !settled(i)), settled: invoices.filter(settled) };
  }
}
