import { Query } from '@nestjs/cqrs';
import type { BillingProgress } from '../../billing-run/billing-progress.js';

/** A billing run's progress: families done, invoices issued, skipped, in error. */
export class GetBillingRun extends Query<BillingProgress> {
  constructor(readonly runId: string) {
    super();
  }
}
