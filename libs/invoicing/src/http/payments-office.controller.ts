import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '#ardoise/identity';
import { frenchCsv, sendCsv } from '../exports/french-csv.js';
import { ListFinanceFiles } from '../queries/list-finance-files/list-finance-files.query.js';
import { FilesQuery } from '../queries/list-finance-files/list-finance-files.request.js';
import { ListMandates, type MandateView } from '../queries/list-mandates/list-mandates.query.js';
import { MandatesQuery } from '../queries/list-mandates/list-mandates.request.js';
import { ListPaymentMeans } from '../queries/list-payment-means/list-payment-means.query.js';
import { ListPayfipOperations, type PayfipOperationsView } from '../queries/list-payfip-operations/list-payfip-operations.query.js';
import { PayfipOperationsQuery } from '../queries/list-payfip-operations/list-payfip-operations.request.js';

const PAYFIP_LABELS: Record<string, string> = {
  pending: 'En attente',
  paid: 'Payée',
  refused: 'Refusée',
  abandoned: 'Abandonnée',
  expired: 'Expirée',
  anomaly: 'Anomalie',
};

/** The payments page of the finance office: desk means, PayFIP operations, mandates, files made. */
@ApiTags('Paiements')
@Controller('finance')
@Roles('finance', 'admin', 'auditor')
export class PaymentsOfficeController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get('payment-means')
  @ApiOperation({ summary: 'Moyens acceptés au guichet de la régie (CESU selon TOWN_ACCEPTS_CESU)' })
  means() {
    return this.queries.execute(new ListPaymentMeans());
  }

  @Get('payfip/operations')
  @ApiOperation({ summary: 'Opérations PayFIP et leur état (en attente, payée, refusée, anomalie…), avec le dernier passage du job de reprise' })
  async payfipOperations(@Query() q: PayfipOperationsQuery, @Res({ passthrough: true }) res: Response) {
    const { operations, lastRepair } = await this.queries.execute(new ListPayfipOperations(q.status));
    if (q.format === 'csv') {
      return sendCsv(
        res,
        'operations-payfip.csv',
        frenchCsv<PayfipOperationsView['operations'][number]>(
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
    return { operations, lastRepair };
  }

  @Get('mandates')
  @ApiOperation({ summary: 'Mandats de prélèvement SEPA des familles' })
  async mandates(@Query() q: MandatesQuery, @Res({ passthrough: true }) res: Response) {
    const mandates = await this.queries.execute(new ListMandates());
    if (q.format === 'csv') {
      return sendCsv(
        res,
        'mandats.csv',
        frenchCsv<MandateView>(
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
    return { files: await this.queries.execute(new ListFinanceFiles(q.kind)) };
  }
}
