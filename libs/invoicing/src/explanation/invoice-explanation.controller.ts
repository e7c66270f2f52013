import { Controller, Get, Inject, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { Response } from 'express';
import type { InvoiceExplanation } from '#ardoise/contracts';
import { Roles } from '#ardoise/identity';
import { sendCsv } from '../exports/french-csv.js';
import { explanationCsv } from './explanation-csv.js';
import { InvoiceExplanationService } from './invoice-explanation.service.js';

class ExplanationQuery {
  @IsOptional() @IsIn(['json', 'csv'], { message: 'format vaut json ou csv.' }) format?: 'json' | 'csv';
}

@ApiTags('Finances')
@Controller('finance/invoices/:invoiceId/explanation')
@Roles('finance', 'admin', 'auditor')
export class InvoiceExplanationController {
  constructor(@Inject(InvoiceExplanationService) private readonly explanations: InvoiceExplanationService) {}

  @Get()
  @ApiOperation({
    summary:
      '« Pourquoi ce montant ? » : chaque ligne rattachée aux événements (réservation, dérogation, pointage), à la version de la grille tarifaire et au quotient familial (format=csv pour un export)',
  })
  async explain(
    @Param('invoiceId', new ParseUUIDPipe()) invoiceId: string,
    @Query() q: ExplanationQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<InvoiceExplanation | string> {
    const explanation = await this.explanations.explain(invoiceId);
    return q.format === 'csv' ? sendCsv(res, `pourquoi-${explanation.number}.csv`, explanationCsv(explanation)) : explanation;
  }
}
