import { Body, Controller, HttpCode, Inject, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Request } from 'express';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '#ardoise/identity';
import { RepairPayfipOperations } from '../commands/repair-payfip-operations/repair-payfip-operations.command.js';
import { SettlePayfipOperation } from '../commands/settle-payfip-operation/settle-payfip-operation.command.js';
import { PayfipNotification } from '../commands/settle-payfip-operation/settle-payfip-operation.request.js';
import { StartPayfipPayment } from '../commands/start-payfip-payment/start-payfip-payment.command.js';

@ApiTags('Paiements')
@Controller()
export class PayfipController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post('invoices/:invoiceId/payfip')
  @HttpCode(201)
  @Roles('parent', 'finance', 'admin', 'agent')
  @ApiOperation({ summary: 'Payer en ligne (PayFIP) : crée l’opération (valable 15 minutes) et donne l’adresse où envoyer le parent' })
  start(@Param('invoiceId', new ParseUUIDPipe()) invoiceId: string, @Req() request: Request) {
    return this.commands.execute(new StartPayfipPayment(invoiceId, { origin: request.get('origin'), host: request.get('host'), protocol: request.protocol }));
  }

  @Post('payfip/notifications')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Notification de PayFIP (urlnotif) : Ardoise demande le résultat à PayFIP et l’enregistre une seule fois' })
  async notify(@Body() body: PayfipNotification) {
    return { outcome: await this.commands.execute(new SettlePayfipOperation(body.idOp)) };
  }

  @Post('finance/payfip/repair')
  @HttpCode(200)
  @Roles('finance', 'admin')
  @ApiOperation({ summary: 'Redemande à PayFIP le résultat des opérations en attente (fait aussi chaque minute)' })
  repair() {
    return this.commands.execute(new RepairPayfipOperations('finance'));
  }
}
