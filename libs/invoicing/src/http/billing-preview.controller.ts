import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '#ardoise/identity';
import { billingPreviewCsv } from '../billing-preview/billing-preview.csv.js';
import { sendCsv } from '../exports/french-csv.js';
import { PreviewBilling } from '../queries/preview-billing/preview-billing.query.js';
import { BillingPreviewQuery } from '../queries/preview-billing/preview-billing.request.js';

@ApiTags('Facturation')
@Controller('billing-previews')
@Roles('finance', 'admin', 'auditor')
export class BillingPreviewController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Simulation de la facturation d’un mois (n’écrit rien) : factures, total, familles ignorées et pourquoi' })
  async preview(@Query() query: BillingPreviewQuery, @Res({ passthrough: true }) response: Response) {
    const preview = await this.queries.execute(new PreviewBilling(query.period));
    return query.format === 'csv' ? sendCsv(response, `simulation-facturation-${query.period}.csv`, billingPreviewCsv(preview)) : preview;
  }
}
