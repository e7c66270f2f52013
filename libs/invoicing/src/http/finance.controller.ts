import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '#ardoise/identity';
import { CollectDirectDebits } from '../commands/collect-direct-debits/collect-direct-debits.command.js';
import { DateRequest } from '../commands/collect-direct-debits/collect-direct-debits.request.js';
import { SendToCollection } from '../commands/send-to-collection/send-to-collection.command.js';
import { collectionSummaryCsv, mealCountsCsv, outstandingCsv, paymentsCsv, statementCsv } from '../exports/finance-views.csv.js';
import { FormatQuery } from '../exports/format.request.js';
import { sendCsv } from '../exports/french-csv.js';
import { CountMeals } from '../queries/count-meals/count-meals.query.js';
import { MonthQuery } from '../queries/count-meals/count-meals.request.js';
import { GetCollectionSummary } from '../queries/get-collection-summary/get-collection-summary.query.js';
import { GetFamilyStatement } from '../queries/get-family-statement/get-family-statement.query.js';
import { GetFinanceFile } from '../queries/get-finance-file/get-finance-file.query.js';
import { ListOutstanding } from '../queries/list-outstanding/list-outstanding.query.js';
import { ListPayments } from '../queries/list-payments/list-payments.query.js';
import { PaymentsQuery } from '../queries/list-payments/list-payments.request.js';
import { ReconcileAccounts } from '../queries/reconcile-accounts/reconcile-accounts.query.js';
import { AsOfQuery } from '../queries/reconcile-accounts/reconcile-accounts.request.js';
import { reconciliationExplanationsCsv, reconciliationFamiliesCsv } from '../reconciliation/reconciliation.csv.js';

@ApiTags('Finances')
@Controller('finance')
@Roles('finance', 'admin', 'auditor')
export class FinanceController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  @Get('payments')
  @ApiOperation({ summary: 'Paiements par moyen et par date' })
  async payments(@Query() q: PaymentsQuery, @Res({ passthrough: true }) res: Response) {
    const payments = await this.queries.execute(new ListPayments(q));
    return q.format === 'csv' ? sendCsv(res, 'paiements.csv', paymentsCsv(payments)) : { payments };
  }

  @Get('outstanding')
  @ApiOperation({ summary: 'Reste à payer par famille' })
  async outstanding(@Query() q: FormatQuery, @Res({ passthrough: true }) res: Response) {
    const families = await this.queries.execute(new ListOutstanding());
    return q.format === 'csv' ? sendCsv(res, 'restes-a-payer.csv', outstandingCsv(families)) : { families };
  }

  @Get('families/:familyId/statement')
  @ApiOperation({ summary: 'Relevé de compte d’une famille' })
  async statement(@Param('familyId', new ParseUUIDPipe()) familyId: string, @Query() q: FormatQuery, @Res({ passthrough: true }) res: Response) {
    const statement = await this.queries.execute(new GetFamilyStatement(familyId));
    return q.format === 'csv' ? sendCsv(res, 'releve-de-compte.csv', statementCsv(statement.entries)) : statement;
  }

  @Get('collection-summary')
  @ApiOperation({ summary: 'État récapitulatif des encaissements de la régie pour un mois (pour le comptable public)' })
  async collectionSummary(@Query() q: MonthQuery, @Res({ passthrough: true }) res: Response) {
    const summary = await this.queries.execute(new GetCollectionSummary(q.month));
    return q.format === 'csv' ? sendCsv(res, `encaissements-${q.month}.csv`, collectionSummaryCsv(summary.days)) : summary;
  }

  @Get('meal-counts')
  @ApiOperation({ summary: 'Repas facturés par tranche de QF (dossier « cantine à 1 € »)' })
  async mealCounts(@Query() q: MonthQuery, @Res({ passthrough: true }) res: Response) {
    const counts = await this.queries.execute(new CountMeals(q.month));
    return q.format === 'csv' ? sendCsv(res, `repas-par-tranche-${q.month}.csv`, mealCountsCsv(counts)) : { month: q.month, counts };
  }

  @Get('reconciliation')
  @ApiOperation({ summary: 'Rapprochement émis − avoirs − payé + remboursé = reste dû, par famille et au total, à une date passée' })
  async reconcile(@Query() q: AsOfQuery, @Res({ passthrough: true }) res: Response) {
    const result = await this.queries.execute(new ReconcileAccounts(q.asOf));
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
    return this.commands.execute(new CollectDirectDebits(body.date));
  }

  @Post('collections')
  @HttpCode(201)
  @Roles('finance', 'admin')
  @ApiOperation({ summary: 'Transmet au comptable public les factures impayées après échéance ; export des titres' })
  sendToCollection(@Body() body: DateRequest) {
    return this.commands.execute(new SendToCollection(body.date));
  }

  @Get('files/:fileId')
  @ApiOperation({ summary: 'Télécharge un fichier produit (prélèvements SEPA, titres)' })
  async file(@Param('fileId', new ParseUUIDPipe()) fileId: string, @Res() res: Response) {
    const file = await this.queries.execute(new GetFinanceFile(fileId));
    res.setHeader('Content-Type', file.mediaType);
    res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
    res.end(file.content);
  }
}
