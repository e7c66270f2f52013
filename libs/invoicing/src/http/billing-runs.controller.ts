import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '#ardoise/identity';
import { billingRunsCsv } from '../billing-run/billing-runs.csv.js';
import { StartBillingRun } from '../commands/start-billing-run/start-billing-run.command.js';
import { StartBillingRunRequest } from '../commands/start-billing-run/start-billing-run.request.js';
import { sendCsv } from '../exports/french-csv.js';
import { GetBillingRun } from '../queries/get-billing-run/get-billing-run.query.js';
import { ListBillingRuns } from '../queries/list-billing-runs/list-billing-runs.query.js';
import { BillingRunsQuery } from '../queries/list-billing-runs/list-billing-runs.request.js';

@ApiTags('Facturation')
@Controller('billing-runs')
@Roles('finance', 'admin', 'auditor')
export class BillingRunsController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(202)
  @Roles('finance', 'admin')
  @ApiOperation({ summary: 'Lance la facturation d’un mois terminé (sans double facturation) ; suivre l’avancement par GET' })
  async start(@Body() body: StartBillingRunRequest, @Res({ passthrough: true }) response: Response) {
    const run = await this.commands.execute(new StartBillingRun(body.period, 'finance'));
    response.setHeader('Location', `/api/v1/billing-runs/${run.runId}`);
    return run;
  }

  @Get()
  @ApiOperation({ summary: 'Facturations récentes (par mois)' })
  async list(@Query() query: BillingRunsQuery, @Res({ passthrough: true }) response: Response) {
    const runs = await this.queries.execute(new ListBillingRuns(query.period));
    return query.format === 'csv' ? sendCsv(response, 'facturations.csv', billingRunsCsv(runs)) : { runs };
  }

  @Get(':runId')
  @ApiOperation({ summary: 'Avancement d’une facturation : familles traitées, factures émises, ignorées, en erreur' })
  get(@Param('runId', new ParseUUIDPipe()) runId: string) {
    return this.queries.execute(new GetBillingRun(runId));
  }
}
