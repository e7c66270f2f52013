import { Body, Controller, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ValidationError } from '#ardoise/kernel';
import { Roles } from '#ardoise/identity';
import { IssueCreditNote } from '../commands/issue-credit-note/issue-credit-note.command.js';
import { CreditNoteRequest } from '../commands/issue-credit-note/issue-credit-note.request.js';
import { RecordDeskPayment } from '../commands/record-desk-payment/record-desk-payment.command.js';
import { DeskPaymentRequest } from '../commands/record-desk-payment/record-desk-payment.request.js';
import { RefundPayment } from '../commands/refund-payment/refund-payment.command.js';
import { RefundRequest } from '../commands/refund-payment/refund-payment.request.js';
import { ReissueInvoice } from '../commands/reissue-invoice/reissue-invoice.command.js';
import { RejectDirectDebit } from '../commands/reject-direct-debit/reject-direct-debit.command.js';
import { DebitRejectionRequest } from '../commands/reject-direct-debit/reject-direct-debit.request.js';
import { SendToCollection } from '../commands/send-to-collection/send-to-collection.command.js';

@ApiTags('Facturation')
@Controller('invoices/:invoiceId')
@Roles('finance', 'admin')
export class InvoiceActionsController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post('credit-notes')
  @HttpCode(201)
  @ApiOperation({ summary: 'Avoir partiel ou total (motif obligatoire) ; reissue=true : facture rectificative recalculée' })
  async creditNote(@Param('invoiceId', new ParseUUIDPipe()) invoiceId: string, @Body() body: CreditNoteRequest) {
    if (body.reissue) return this.commands.execute(new ReissueInvoice(invoiceId, body.reason));
    if (!body.whole && body.amountCents === undefined) {
      throw new ValidationError([{ field: 'amountCents', messages: ['Indiquez un montant, ou whole=true pour un avoir total.'] }]);
    }
    return this.commands.execute(new IssueCreditNote(invoiceId, body.whole ? 'whole' : body.amountCents!, body.reason));
  }

  @Post('payments')
  @HttpCode(201)
  @ApiOperation({ summary: 'Paiement au guichet (espèces, chèque, CESU si la commune les accepte)' })
  deskPayment(@Param('invoiceId', new ParseUUIDPipe()) invoiceId: string, @Body() body: DeskPaymentRequest) {
    return this.commands.execute(new RecordDeskPayment(invoiceId, body));
  }

  @Post('refunds')
  @HttpCode(201)
  @ApiOperation({ summary: 'Remboursement d’un trop-perçu' })
  refund(@Param('invoiceId', new ParseUUIDPipe()) invoiceId: string, @Body() body: RefundRequest) {
    return this.commands.execute(new RefundPayment(invoiceId, body.amountCents, body.reason));
  }

  @Post('collection')
  @HttpCode(201)
  @ApiOperation({ summary: 'Transmet cette facture échue et impayée au comptable public (titre exécutoire) ; fichier des titres' })
  sendToCollection(@Param('invoiceId', new ParseUUIDPipe()) invoiceId: string) {
    return this.commands.execute(new SendToCollection(undefined, invoiceId));
  }

  @Post('payments/:paymentId/rejection')
  @HttpCode(201)
  @ApiOperation({ summary: 'Rejet d’un prélèvement par la banque : la facture est rouverte' })
  reject(
    @Param('invoiceId', new ParseUUIDPipe()) invoiceId: string,
    @Param('paymentId', new ParseUUIDPipe()) paymentId: string,
    @Body() body: DebitRejectionRequest,
  ) {
    return this.commands.execute(new RejectDirectDebit(invoiceId, paymentId, body.reasonCode));
  }
}
