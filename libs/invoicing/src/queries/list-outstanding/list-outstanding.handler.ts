import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { sql, type Kysely } from 'kysely';
import { DATABASE } from '#ardoise/database';
import type { InvoicingDatabase } from '../../projections/invoicing-database.js';
import { ListOutstanding, type OutstandingView } from './list-outstanding.query.js';

const n = (v: unknown) => Number(v ?? 0);

@QueryHandler(ListOutstanding)
export class ListOutstandingHandler implements IQueryHandler<ListOutstanding> {
  constructor(@Inject(DATABASE) private readonly db: Kysely<InvoicingDatabase>) {}

  execute(): Promise<OutstandingView[]> {
    return this.read();
  }

  async read() {
    const rows = await this.db
      .selectFrom('invoicing_invoices')
      .select([
        'family_id',
        sql<string>`count(*) FILTER (WHERE outstanding_cents > 0)`.as('open'),
        sql<string>`sum(outstanding_cents)`.as('cents'),
        sql<string>`min(due_date) FILTER (WHERE outstanding_cents > 0)`.as('oldest_due'),
      ])
      .groupBy('family_id')
      .having(sql`sum(outstanding_cents)`, '<>', 0)
      .orderBy('family_id')
      .execute();
    return rows.map((r) => ({ familyId: r.family_id, openInvoices: n(r.open), outstandingCents: n(r.cents), oldestDueDate: r.oldest_due }));
  }
}
