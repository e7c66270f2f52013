import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import type { Response } from 'express';
import { CLOCK, type Clock } from '#ardoise/commands';
import type { DashboardChart } from '#ardoise/contracts';
import { Roles } from '#ardoise/identity';
import { ValidationError, parisDate } from '#ardoise/kernel';
import { PERIOD_PATTERN } from '../domain/billing.js';
import { sendCsv } from '../exports/french-csv.js';
import { dashboardCsv, DASHBOARD_CHARTS } from './finance-dashboard.csv.js';
import { FinanceDashboardQueries, monthsBetween } from './finance-dashboard.queries.js';

const MONTH = { message: 'Mois invalide (format attendu : AAAA-MM).' };

export class DashboardQuery {
  @IsOptional() @IsString() @Matches(PERIOD_PATTERN, MONTH) from?: string;
  @IsOptional() @IsString() @Matches(PERIOD_PATTERN, MONTH) to?: string;
  @IsOptional() @IsIn(['json', 'csv'], { message: 'Format : json ou csv.' }) format?: 'json' | 'csv';
  @IsOptional() @IsIn(DASHBOARD_CHARTS, { message: `Graphique inconnu (${DASHBOARD_CHARTS.join(', ')}).` }) chart?: DashboardChart;
}

const MAX_MONTHS = 36;

@ApiTags('Finances')
@Controller('finance/dashboard')
@Roles('finance', 'admin', 'auditor')
export class FinanceDashboardController {
  constructor(
    @Inject(FinanceDashboardQueries) private readonly queries: FinanceDashboardQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Tableau de bord : facturé / encaissé par mois, restes à payer par ancienneté, paiements par canal, cantine à 1 €, remplissage ; CSV d’un graphique avec format=csv&chart=…',
  })
  async dashboard(@Query() q: DashboardQuery, @Res({ passthrough: true }) res: Response) {
    const to = q.to ?? parisDate(this.clock.now()).slice(0, 7);
    const from = q.from ?? monthsBefore(to, 11);
    if (from > to)
      throw new ValidationError(
        [{ field: 'from', messages: ['Le premier mois doit précéder le dernier.'] }],
        'Période invalide : le premier mois doit précéder le dernier.',
      );
    if (monthsBetween(from, to).length > MAX_MONTHS)
      throw new ValidationError([{ field: 'from', messages: [`${MAX_MONTHS} mois au plus.`] }], `Période trop longue : ${MAX_MONTHS} mois au plus.`);
    if (q.format === 'csv' && !q.chart)
      throw new ValidationError([{ field: 'chart', messages: ['Obligatoire avec format=csv.'] }], 'Précisez le graphique à exporter (chart).');
    const dashboard = await this.queries.dashboard(from, to);
    return q.format === 'csv' ? sendCsv(res, `tableau-de-bord-${q.chart}-${from}-${to}.csv`, dashboardCsv(q.chart!, dashboard)) : dashboard;
  }
}

function monthsBefore(month: string, count: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
