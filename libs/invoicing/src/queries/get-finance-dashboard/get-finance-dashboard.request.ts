import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import type { DashboardChart } from '#ardoise/contracts';
import { PERIOD_PATTERN } from '../../domain/billing.js';
import { DASHBOARD_CHARTS } from '../../finance-dashboard/finance-dashboard.csv.js';

const MONTH = { message: 'Mois invalide (format attendu : AAAA-MM).' };

export class DashboardQuery {
  @IsOptional() @IsString() @Matches(PERIOD_PATTERN, MONTH) from?: string;
  @IsOptional() @IsString() @Matches(PERIOD_PATTERN, MONTH) to?: string;
  @IsOptional() @IsIn(['json', 'csv'], { message: 'Format : json ou csv.' }) format?: 'json' | 'csv';
  @IsOptional() @IsIn(DASHBOARD_CHARTS, { message: `Graphique inconnu (${DASHBOARD_CHARTS.join(', ')}).` }) chart?: DashboardChart;
}
