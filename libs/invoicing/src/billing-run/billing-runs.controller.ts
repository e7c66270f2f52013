import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import type { Response } from 'express';
import { Roles } from '#ardoise/identity';
import { PERIOD_PATTERN } from '../domain/billing.js';
import { sendCsv } from '../exports/french-csv.js';
import { BillingRunService } from './billing-run.service.js';
import { billingRunsCsv } from './billing-runs.csv.js';

export class StartBillingRunRequest {
  @ApiProperty({ example: '2026-03', description: 'Mois facturé (AAAA-MM), terminé' })
  @IsString()
  @Matches(PERIOD_PATTERN, { message: 'Mois invalide (format attendu : AAAA-MM).' })
  period!: string;
}

export class BillingRunsQuery {
  @IsOptional()
  @IsString()
  @Matches(PERIOD_PATTERN, { message: 'Mois invalide (format attendu : AAAA-MM).' })
  period?: string;
  @IsOptional() @IsIn(['json', 'csv'], { message: 'Format : json ou csv.' }) format?: 'json' | 'csv';
}

@ApiTags('Facturation')
@Controller('billing-runs')
@Roles('finance', 'admin', 'auditor')
export class BillingRunsController {
  constructor(@Inject(BillingRunService) private readonly runs: BillingRunService) {}

  @Post()
  @HttpCode(202)
  @Roles('finance', 'admin')
  @ApiOperation({ summary: 'Lance la facturation d’un mois terminé (sans double facturation) ; suivre l’avancement par GET' })
  async start(@Body() body: StartBillingRunRequest, @Res({ passthrough: true }) response: Response) {
    const run = await this.runs.start(body.period, 'finance');
    response.setHeader('Location', `/api/v1/billing-runs/${run.runId}`);
    return run;
  }

  @Get()
  @ApiOperation({ summary: 'Facturations récentes (par mois)' })
  async list(@Query() query: BillingRunsQuery, @Res({ passthrough: true }) response: Response) {
    const runs = await this.runs.list(query.period);
    return query.format === 'csv' ? sendCsv(response, 'facturations.csv', billingRunsCsv(runs)) : { runs };
  }

  @Get(':runId')
  @ApiOperation({ summary: 'Avancement d’une facturation : familles traitées, factures émises, ignorées, en erreur' })
  get(@Param('runId', new ParseUUIDPipe()) runId: string) {
    return this.runs.get(runId);
  }
}
