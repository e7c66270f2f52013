import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '#ardoise/identity';
import { sendCsv } from '../exports/french-csv.js';
import { dashboardCsv } from '../finance-dashboard/finance-dashboard.csv.js';
import { GetFinanceDashboard } from '../queries/get-finance-dashboard/get-finance-dashboard.query.js';
import { DashboardQuery } from '../queries/get-finance-dashboard/get-finance-dashboard.request.js';

@ApiTags('Finances')
@Controller('finance/dashboard')
@Roles('finance', 'admin', 'auditor')
export class FinanceDashboardController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary:
      'Tableau de bord : facturé / encaissé par mois, restes à payer par ancienneté, paiements par canal, cantine à 1 €, remplissage ; CSV d’un graphique avec format=csv&chart=…',
  })
  async dashboard(@Query() q: DashboardQuery, @Res({ passthrough: true }) res: Response) {
    const dashboard = await this.queries.execute(new GetFinanceDashboard(q.from, q.to, q.format === 'csv' ? { chart: q.chart } : undefined));
    return q.format === 'csv' ? sendCsv(res, `tableau-de-bord-${q.chart}-${dashboard.from}-${dashboard.to}.csv`, dashboardCsv(q.chart!, dashboard)) : dashboard;
  }
}
