import { Query } from '@nestjs/cqrs';
import type { BillingRunProgress } from '#ardoise/contracts';

/** A billing run's progress: families done, invoices issued, skipped, in error. */
export class GetBillingRun extends Query<BillingRunProgress> {
  constructor(readonly runId: string) {
    super();
  }
}
