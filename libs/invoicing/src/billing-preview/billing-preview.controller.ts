import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import type { Response } from 'express';
import { Roles } from '#ardoise/identity';
import { PERIOD_PATTERN } from '../domain/billing.js';
import { sendCsv } from '../exports/french-csv.js';
import { billingPreviewCsv } from './billing-preview.csv.js';
import { BillingPreviewService } from './billing-preview.service.js';

export class BillingPreviewQuery {
  @IsString({ message: 'Mois obligatoire (AAAA-MM).' })
  @Matches(PERIOD_PATTERN, { message: 'Mois invalide (format attendu : AAAA-MM).' })
  period!: string;
  /** csv: the families the run would skip, and why. */
  @IsOptional() @IsIn(['json', 'csv'], { message: 'Format : json ou csv.' }) format?: 'json' | 'csv';
}

@ApiTags('Facturation')
@Controller('billing-previews')
@Roles('finance', 'admin', 'auditor')
export class BillingPreviewController {
  constructor(@Inject(BillingPreviewService) private readonly previews: BillingPreviewService) {}

  @Get()
  @ApiOperation({ summary: 'Simulation de la facturation d’un mois (n’écrit rien) : factures, total, familles ignorées et pourquoi' })
  async preview(@Query() query: BillingPreviewQuery, @Res({ passthrough: true }) response: Response) {
    const preview = await this.previews.preview(query.period);
    return query.format === 'csv' ? sendCsv(response, `simulation-facturation-${query.period}.csv`, billingPreviewCsv(preview)) : preview;
  }
}
