import { Query } from '@nestjs/cqrs';
import type { Explanation, Reconciliation } from '../../domain/reconciliation.js';

/**
 * issued − credited − paid + refunded = outstanding, per family and in total, at `asOf`:
 * `2026-03-31` = the end of that day in Paris; an ISO instant is taken as is; none = now.
 */
export class ReconcileAccounts extends Query<Reconciliation & { asOf: string; explanations: Explanation[] }> {
  constructor(readonly asOf?: string) {
    super();
  }
}
