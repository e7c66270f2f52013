import { Query } from '@nestjs/cqrs';
import type { DashboardChart, FinanceDashboard } from '#ardoise/contracts';

/**
 * The finance dashboard from `from` to `to` (AAAA-MM; by default the twelve months up to this
 * one). `csvChart`: the chart to export (required with format=csv).
 */
export class GetFinanceDashboard extends Query<FinanceDashboard> {
  constructor(
    readonly from: string | undefined,
    readonly to: string | undefined,
    readonly csv: { chart: DashboardChart | undefined } | undefined,
  ) {
    super();
  }
}
