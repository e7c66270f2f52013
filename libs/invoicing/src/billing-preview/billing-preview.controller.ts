import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { Roles } from '#ardoise/identity';
import { PERIOD_PATTERN } from '../domain/billing.js';
import { BillingPreviewService } from './billing-preview.service.js';

export class BillingPreviewQuery {
  @IsString({ message: 'Mois obligatoire (AAAA-MM).' }) @Matches(PERIOD_PATTERN, { message: 'Mois invalide (format attendu : AAAA-MM).' })
  period!: string;
}

@ApiTags('Facturation')
@Controller('billing-previews')
@Roles('finance', 'admin', 'auditor')
export class BillingPreviewController {
  constructor(@Inject(BillingPreviewService) private readonly previews: BillingPreviewService) {}

  @Get()
  @ApiOperation({ summary: 'Simulation de la facturation d’un mois (n’écrit rien) : factures, total, familles ignorées et pourquoi' })
  preview(@Query() query: BillingPreviewQuery) {
    return this.previews.preview(query.period);
  }
}
