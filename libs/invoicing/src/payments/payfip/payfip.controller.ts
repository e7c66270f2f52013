import { Body, Controller, HttpCode, Inject, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { Public, Roles } from '#ardoise/identity';
import { PayfipService } from './payfip.service.js';

export class PayfipNotification {
  @ApiProperty()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'Identifiant d’opération invalide.' })
  idOp!: string;
}

@ApiTags('Paiements')
@Controller()
export class PayfipController {
  constructor(@Inject(PayfipService) private readonly payfip: PayfipService) {}

  @Post('invoices/:invoiceId/payfip')
  @HttpCode(201)
  @Roles('parent', 'finance', 'admin', 'agent')
  @ApiOperation({ summary: 'Payer en ligne (PayFIP) : crée l’opération (valable 15 minutes) et donne l’adresse où envoyer le parent' })
  start(@Param('invoiceId', new ParseUUIDPipe()) invoiceId: string, @Req() request: Request) {
    return this.payfip.start(invoiceId, { origin: request.get('origin'), host: request.get('host'), protocol: request.protocol });
  }

  @Post('payfip/notifications')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Notification de PayFIP (urlnotif) : Ardoise demande le résultat à PayFIP et l’enregistre une seule fois' })
  async notify(@Body() body: PayfipNotification) {
    return { outcome: await this.payfip.settle(body.idOp) };
  }

  @Post('finance/payfip/repair')
  @HttpCode(200)
  @Roles('finance', 'admin')
  @ApiOperation({ summary: 'Redemande à PayFIP le résultat des opérations en attente (fait aussi chaque minute)' })
  repair() {
    return this.payfip.repair('finance');
  }
}
