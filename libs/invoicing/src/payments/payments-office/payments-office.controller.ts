import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { Response } from 'express';
import { Roles } from '#ardoise/identity';
import { AppConfig } from '#ardoise/runtime';
import { frenchCsv, sendCsv } from '../../exports/french-csv.js';
import { PaymentsOfficeQueries } from './payments-office.queries.js';

const PAYFIP_STATUSES = ['pending', 'paid', 'refused', 'abandoned', 'expired', 'anomaly'];
const PAYFIP_LABELS: Record<string, string> = {
  pending: 'En attente',
  paid: 'Payée',
  refused: 'Refusée',
  abandoned: 'Abandonnée',
  expired: 'Expirée',
  anomaly: 'Anomalie',
};

class FormatQuery {
  @IsOptional() @IsIn(['json', 'csv'], { message: 'format vaut json ou csv.' }) format?: 'json' | 'csv';
}
class PayfipOperationsQuery extends FormatQuery {
  @IsOptional() @IsIn(PAYFIP_STATUSES, { message: 'État inconnu (pending, paid, refused, abandoned, expired, anomaly).' }) status?: string;
}
class FilesQuery {
  @IsOptional() @IsIn(['sepa_collection', 'collection_titles'], { message: 'Type de fichier inconnu (sepa_collection, collection_titles).' }) kind?: string;
}

/** The payments page of the finance office: desk means, PayFIP operations, mandates, files made. */
@ApiTags('Paiements')
@Controller('finance')
@Roles('finance', 'admin', 'auditor')
export class PaymentsOfficeController {
  constructor(
    @Inject(PaymentsOfficeQueries) private readonly queries: PaymentsOfficeQueries,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  @Get('payment-means')
  @ApiOperation({ summary: 'Moyens acceptés au guichet de la régie (CESU selon TOWN_ACCEPTS_CESU)' })
  means() {
    return { desk: this.config.TOWN_ACCEPTS_CESU === true ? ['cash', 'cheque', 'cesu'] : ['cash', 'cheque'] };
  }

  @Get('payfip/operations')
  @ApiOperation({ summary: 'Opérations PayFIP et leur état (en attente, payée, refusée, anomalie…), avec le dernier passage du job de reprise' })
  async payfipOperations(@Query() q: PayfipOperationsQuery, @Res({ passthrough: true }) res: Response) {
    const operations = await this.queries.payfipOperations(q.status);
    if (q.format === 'csv') {
      return sendCsv(
        res,
        'operations-payfip.csv',
        frenchCsv<(typeof operations)[number]>(
          [
            { header: 'Créée le', value: (r) => r.createdAt },
            { header: 'Opération', value: (r) => r.operationId },
            { header: 'Facture', value: (r) => r.invoiceNumber },
            { header: 'Famille', value: (r) => r.familyName ?? r.familyId },
            { header: 'Montant (€)', value: (r) => ({ cents: r.amountCents }) },
            { header: 'État', value: (r) => PAYFIP_LABELS[r.status] ?? r.status },
            { header: 'Détail', value: (r) => r.detail },
          ],
          operations,
        ),
      );
    }
    return { operations, lastRepair: await this.queries.lastRepairRun() };
  }

  @Get('mandates')
  @ApiOperation({ summary: 'Mandats de prélèvement SEPA des familles' })
  async mandates(@Query() q: FormatQuery, @Res({ passthrough: true }) res: Response) {
    const mandates = await this.queries.mandates();
    if (q.format === 'csv') {
      return sendCsv(
        res,
        'mandats.csv',
        frenchCsv<(typeof mandates)[number]>(
          [
            { header: 'Famille', value: (r) => r.familyName ?? r.familyId },
            { header: 'Référence du mandat', value: (r) => r.mandateReference },
            { header: 'Signé le', value: (r) => ({ date: r.signedOn }) },
            { header: 'État', value: (r) => (r.active ? 'Actif' : 'Révoqué') },
            { header: 'Révoqué le', value: (r) => ({ date: r.revokedOn }) },
          ],
          mandates,
        ),
      );
    }
    return { mandates };
  }

  @Get('files')
  @ApiOperation({ summary: 'Fichiers produits (prélèvements SEPA pain.008, titres pour le comptable public), sans leur contenu' })
  async files(@Query() q: FilesQuery) {
    return { files: await this.queries.files(q.kind) };
  }
}
