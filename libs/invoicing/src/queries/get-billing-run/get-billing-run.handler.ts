import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import { DATABASE } from '#ardoise/database';
import { NotFoundError } from '#ardoise/kernel';
import type { BillingRunProgress } from '#ardoise/contracts';
import { billingProgress } from '../../billing-run/billing-progress.js';
import type { InvoicingDatabase } from '../../projections/invoicing-database.js';
import { GetBillingRun } from './get-billing-run.query.js';

@QueryHandler(GetBillingRun)
export class GetBillingRunHandler implements IQueryHandler<GetBillingRun> {
  constructor(@Inject(DATABASE) private readonly db: Kysely<InvoicingDatabase>) {}

  async execute({ runId }: GetBillingRun): Promise<BillingRunProgress> {
    const progress = await billingProgress(this.db, runId);
    if (!progress) throw new NotFoundError('BILLING.RUN_NOT_FOUND', 'Facturation introuvable.');
    return progress;
  }
}
