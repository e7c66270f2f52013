import { Query } from '@nestjs/cqrs';
import type { BillingRunProgress } from '#ardoise/contracts';

/** The 50 latest billing runs, of one month or of all. */
export class ListBillingRuns extends Query<BillingRunProgress[]> {
  constructor(readonly period?: string) {
    super();
  }
}
