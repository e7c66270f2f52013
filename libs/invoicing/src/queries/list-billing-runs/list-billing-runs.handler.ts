import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import { DATABASE } from '#ardoise/database';
import type { BillingRunProgress } from '#ardoise/contracts';
import { toProgress } from '../../billing-run/billing-progress.js';
import type { InvoicingDatabase } from '../../projections/invoicing-database.js';
import { ListBillingRuns } from './list-billing-runs.query.js';

@QueryHandler(ListBillingRuns)
export class ListBillingRunsHandler implements IQueryHandler<ListBillingRuns> {
  constructor(@Inject(DATABASE) private readonly db: Kysely<InvoicingDatabase>) {}

  async execute({ period, limit }: ListBillingRuns): Promise<BillingRunProgress[]> {
    // The runs with their progress in one statement (not one more per run).
    let query = this.db.selectFrom('invoicing_billing_runs').selectAll().orderBy('started_at', 'desc').limit(limit);
    if (period) query = query.where('period', '=', period);
    return (await query.execute()).map(toProgress);
  }
}
