import { Controller, Get, Inject, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { InvoiceExplanation } from '#ardoise/contracts';
import { Roles } from '#ardoise/identity';
import { explanationCsv } from '../explanation/explanation-csv.js';
import { sendCsv } from '../exports/french-csv.js';
import { ExplainInvoice } from '../queries/explain-invoice/explain-invoice.query.js';
import { ExplanationQuery } from '../queries/explain-invoice/explain-invoice.request.js';

@ApiTags('Finances')
@Controller('finance/invoices/:invoiceId/explanation')
@Roles('finance', 'admin', 'auditor')
export class InvoiceExplanationController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

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
    const explanation = await this.queries.execute(new ExplainInvoice(invoiceId));
    return q.format === 'csv' ? sendCsv(res, `pourquoi-${explanation.number}.csv`, explanationCsv(explanation)) : explanation;
  }
}
