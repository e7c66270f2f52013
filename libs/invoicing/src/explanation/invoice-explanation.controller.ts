import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#ardoise/identity';
import { InvoiceExplanationService } from './invoice-explanation.service.js';

@ApiTags('Finances')
@Controller('finance/invoices/:invoiceId/explanation')
@Roles('finance', 'admin', 'auditor')
export class InvoiceExplanationController {
  constructor(@Inject(InvoiceExplanationService) private readonly explanations: InvoiceExplanationService) {}

  @Get()
  @ApiOperation({
    summary: '« Pourquoi ce montant ? » : chaque ligne rattachée aux événements (réservation, dérogation, pointage), à la version de la grille tarifaire et au quotient familial',
  })
  explain(@Param('invoiceId', new ParseUUIDPipe()) invoiceId: string) {
    return this.explanations.explain(invoiceId);
  }
}
