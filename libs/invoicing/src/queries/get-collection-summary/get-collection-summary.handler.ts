import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { sql, type Kysely } from 'kysely';
import { DATABASE } from '#ardoise/database';
import { monthBounds } from '../../domain/billing.js';
import type { InvoicingDatabase } from '../../projections/invoicing-database.js';
import { GetCollectionSummary, type CollectionSummary } from './get-collection-summary.query.js';

const n = (v: unknown) => Number(v ?? 0);

@QueryHandler(GetCollectionSummary)
export class GetCollectionSummaryHandler implements IQueryHandler<GetCollectionSummary> {
  constructor(@Inject(DATABASE) private readonly db: Kysely<InvoicingDatabase>) {}

  execute({ month }: GetCollectionSummary): Promise<CollectionSummary> {
    return this.read(month);
  }

  async read(month: string) {
    const { from, to } = monthBounds(month);
    const rows = await this.db
      .selectFrom('invoicing_payments')
      .select(['paid_on', 'means', sql<string>`count(*)`.as('count'), sql<string>`sum(amount_cents)`.as('cents')])
      .where('paid_on', '>=', from)
      .where('paid_on', '<=', to)
      .where('status', '=', 'recorded')
      .groupBy(['paid_on', 'means'])
      .orderBy('paid_on')
      .orderBy('means')
      .execute();
    const days = rows.map((r) => ({ date: r.paid_on, means: r.means, count: n(r.count), amountCents: n(r.cents) }));
    const byMeans = new Map<string, { means: string; count: number; amountCents: number }>();
    for (const d of days) {
      const m = byMeans.get(d.means) ?? { means: d.means, count: 0, amountCents: 0 };
      m.count += d.count;
      m.amountCents += d.amountCents;
      byMeans.set(d.means, m);
    }
    return { regie: 'Régie des services périscolaires', month, byMeans: [...byMeans.values()], days, totalCents: days.reduce((s, d) => s + d.amountCents, 0) };
  }
}
