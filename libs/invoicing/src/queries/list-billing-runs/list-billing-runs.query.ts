import { Query } from '@nestjs/cqrs';
import type { BillingProgress } from '../../billing-run/billing-progress.js';

/** The 50 latest billing runs, of one month or of all. */
export class ListBillingRuns extends Query<BillingProgress[]> {
  constructor(readonly period?: string) {
    super();
  }
}
