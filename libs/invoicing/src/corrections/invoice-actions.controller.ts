import { Body, Controller, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ValidationError } from '#ardoise/kernel';
import { Roles } from '#ardoise/identity';
import { AppConfig } from '#ardoise/runtime';
import { CollectionService } from './collection.service.js';
import { CorrectionService } from './correction.service.js';
import { InvoiceCommands } from './invoice-commands.service.js';
import { CreditNoteRequest, DebitRejectionRequest, DeskPaymentRequest, RefundRequest } from './invoice-commands.requests.js';

@ApiTags('Facturation')
@Controller('invoices/:invoiceId')
@Roles('finance', 'admin')
export class InvoiceActionsController {
  constructor(
    @Inject(InvoiceCommands) private readonly commands: InvoiceCommands,
    @Inject(CorrectionService) private readonly corrections: CorrectionService,
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(CollectionService) private readonly collection: CollectionService,
  ) {}

  @Post('credit-notes')
  @HttpCode(201)
  @ApiOperation({ summary: 'Avoir partiel ou total (motif obligatoire) ; reissue=true : facture rectificative recalculée' })
  async creditNote(@Param('invoiceId', new ParseUUIDPipe()) invoiceId: string, @Body() body: CreditNoteRequest) {
    if (body.reissue) return this.corrections.reissue(invoiceId, body.reason);
    if (!body.whole && body.amountCents === undefined) {
      throw new ValidationError([{ field: 'amountCents', messages: ['Indiquez un montant, ou whole=true pour un avoir total.'] }]);
    }
    return this.commands.creditNote(invoiceId, body.whole ? 'whole' : body.amountCents!, body.reason);
  }

  @Post('payments')
  @HttpCode(201)
  @ApiOperation({ summary: 'Paiement au guichet (espèces, chèque, CESU si la commune les accepte)' })
  deskPayment(@Param('invoiceId', new ParseUUIDPipe()) invoiceId: string, @Body() body: DeskPaymentRequest) {
    if (body.means === 'cesu' && this.config.TOWN_ACCEPTS_CESU !== true) {
      throw new ValidationError([{ field: 'means', messages: ['La régie n’accepte pas les CESU.'] }]);
    }
    return this.commands.deskPayment(invoiceId, body);
  }

  @Post('refunds')
  @HttpCode(201)
  @ApiOperation({ summary: 'Remboursement d’un trop-perçu' })
  refund(@Param('invoiceId', new ParseUUIDPipe()) invoiceId: string, @Body() body: RefundRequest) {
    return this.commands.refund(invoiceId, body.amountCents, body.reason);
  }

  @Post('collection')
  @HttpCode(201)
  @ApiOperation({ summary: 'Transmet cette facture échue et impayée au comptable public (titre exécutoire) ; fichier des titres' })
  sendToCollection(@Param('invoiceId', new ParseUUIDPipe()) invoiceId: string) {
    return this.collection.sendOverdue(this.commands.today(), invoiceId);
  }

  @Post('payments/:paymentId/rejection')
  @HttpCode(201)
  @ApiOperation({ summary: 'Rejet d’un prélèvement par la banque : la facture est rouverte' })
  reject(
    @Param('invoiceId', new ParseUUIDPipe()) invoiceId: string,
    @Param('paymentId', new ParseUUIDPipe()) paymentId: string,
    @Body() body: DebitRejectionRequest,
  ) {
    return this.commands.rejectDirectDebit(invoiceId, paymentId, body.reasonCode);
  }
}
