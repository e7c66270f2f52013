import { Query } from '@nestjs/cqrs';
import type { BillingRunProgress } from '#ardoise/contracts';

/** The latest billing runs (50 unless told), of one month or of all. */
export class ListBillingRuns extends Query<BillingRunProgress[]> {
  constructor(
    readonly period?: string,
    readonly limit = 50,
  ) {
    super();
  }
}
