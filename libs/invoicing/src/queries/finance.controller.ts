import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import type { Response } from 'express';
import { IsLocalDate } from '#ardoise/catalogue';
import { Roles } from '#ardoise/identity';
import { PERIOD_PATTERN } from '../domain/billing.js';
import { PAYMENT_MEANS } from '../domain/invoice-events.js';
import { CollectionService } from '../corrections/collection.service.js';
import { DirectDebitService } from '../payments/direct-debit/direct-debit.service.js';
import { FinanceFiles } from '../payments/direct-debit/finance-files.js';
import { ReconciliationService } from '../reconciliation/reconciliation.service.js';
import { sendCsv } from '../exports/french-csv.js';
import { FinanceQueries } from './finance-queries.js';
import { collectionSummaryCsv, mealCountsCsv, outstandingCsv, paymentsCsv, statementCsv } from './finance-views.csv.js';
import { reconciliationExplanationsCsv, reconciliationFamiliesCsv } from '../reconciliation/reconciliation.csv.js';

class FormatQuery {
  @IsOptional() @IsIn(['json', 'csv']) format?: 'json' | 'csv';
}
class PaymentsQuery extends FormatQuery {
  @IsOptional() @IsLocalDate() from?: string;
  @IsOptional() @IsLocalDate() to?: string;
  @IsOptional() @IsIn(PAYMENT_MEANS as unknown as string[]) means?: string;
}
class MonthQuery extends FormatQuery {
  @IsString() @Matches(PERIOD_PATTERN, { message: 'Mois invalide (format attendu : AAAA-MM).' }) month!: string;
}
class AsOfQuery extends FormatQuery {
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/, { message: 'Date invalide (AAAA-MM-JJ ou instant ISO 8601).' })
  asOf?: string;
  /** With format=csv: the balances per family (default) or the events that explain the differences. */
  @IsOptional() @IsIn(['families', 'differences'], { message: 'Vue : families ou differences.' }) view?: 'families' | 'differences';
}
class DateRequest {
  @ApiProperty({ required: false, example: '2026-05-01' }) @IsOptional() @IsLocalDate() date?: string;
}

@ApiTags('Finances')
@Controller('finance')
@Roles('finance', 'admin', 'auditor')
export class FinanceController {
  constructor(
    @Inject(FinanceQueries) private readonly queries: FinanceQueries,
    @Inject(ReconciliationService) private readonly reconciliation: ReconciliationService,
    @Inject(DirectDebitService) private readonly directDebits: DirectDebitService,
    @Inject(CollectionService) private readonly collection: CollectionService,
    @Inject(FinanceFiles) private readonly files: FinanceFiles,
  ) {}

  @Get('payments')
  @ApiOperation({ summary: 'Paiements par moyen et par date' })
  async payments(@Query() q: PaymentsQuery, @Res({ passthrough: true }) res: Response) {
    const payments = await this.queries.payments(q);
    return q.format === 'csv' ? sendCsv(res, 'paiements.csv', paymentsCsv(payments)) : { payments };
  }

  @Get('outstanding')
  @ApiOperation({ summary: 'Reste à payer par famille' })
  async outstanding(@Query() q: FormatQuery, @Res({ passthrough: true }) res: Response) {
    const families = await this.queries.outstanding();
    return q.format === 'csv' ? sendCsv(res, 'restes-a-payer.csv', outstandingCsv(families)) : { families };
  }

  @Get('families/:familyId/statement')
  @ApiOperation({ summary: 'Relevé de compte d’une famille' })
  async statement(@Param('familyId', new ParseUUIDPipe()) familyId: string, @Query() q: FormatQuery, @Res({ passthrough: true }) res: Response) {
    const statement = await this.queries.statement(familyId);
    return q.format === 'csv' ? sendCsv(res, 'releve-de-compte.csv', statementCsv(statement.entries)) : statement;
  }

  @Get('collection-summary')
  @ApiOperation({ summary: 'État récapitulatif des encaissements de la régie pour un mois (pour le comptable public)' })
  async collectionSummary(@Query() q: MonthQuery, @Res({ passthrough: true }) res: Response) {
    const summary = await this.queries.collectionSummary(q.month);
    return q.format === 'csv' ? sendCsv(res, `encaissements-${q.month}.csv`, collectionSummaryCsv(summary.days)) : summary;
  }

  @Get('meal-counts')
  @ApiOperation({ summary: 'Repas facturés par tranche de QF (dossier « cantine à 1 € »)' })
  async mealCounts(@Query() q: MonthQuery, @Res({ passthrough: true }) res: Response) {
    const counts = await this.queries.mealCounts(q.month);
    return q.format === 'csv' ? sendCsv(res, `repas-par-tranche-${q.month}.csv`, mealCountsCsv(counts)) : { month: q.month, counts };
  }

  @Get('reconciliation')
  @ApiOperation({ summary: 'Rapprochement émis − avoirs − payé + remboursé = reste dû, par famille et au total, à une date passée' })
  async reconcile(@Query() q: AsOfQuery, @Res({ passthrough: true }) res: Response) {
    const result = await this.reconciliation.run(q.asOf);
    if (q.format !== 'csv') return result;
    const day = result.asOf.slice(0, 10);
    return q.view === 'differences'
      ? sendCsv(res, `rapprochement-ecarts-${day}.csv`, reconciliationExplanationsCsv(result.explanations))
      : sendCsv(res, `rapprochement-${day}.csv`, reconciliationFamiliesCsv(result.families));
  }

  @Post('direct-debits')
  @HttpCode(201)
  @Roles('finance', 'admin')
  @ApiOperation({ summary: 'Prélève les factures échues des familles ayant un mandat ; fichier SEPA pain.008' })
  collect(@Body() body: DateRequest) {
    return this.directDebits.collect(body.date ?? this.reconciliation.instantOf().toISOString().slice(0, 10));
  }

  @Post('collections')
  @HttpCode(201)
  @Roles('finance', 'admin')
  @ApiOperation({ summary: 'Transmet au comptable public les factures impayées après échéance ; export des titres' })
  sendToCollection(@Body() body: DateRequest) {
    return this.collection.sendOverdue(body.date ?? this.reconciliation.instantOf().toISOString().slice(0, 10));
  }

  @Get('files/:fileId')
  @ApiOperation({ summary: 'Télécharge un fichier produit (prélèvements SEPA, titres)' })
  async file(@Param('fileId', new ParseUUIDPipe()) fileId: string, @Res() res: Response) {
    const file = await this.files.get(fileId);
    res.setHeader('Content-Type', file.mediaType);
    res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
    res.end(file.content);
  }
}
