import { Body, Controller, HttpCode, Inject, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#ardoise/identity';
import { RevokeMandate } from '../commands/revoke-mandate/revoke-mandate.command.js';
import { RevokeMandateRequest } from '../commands/revoke-mandate/revoke-mandate.request.js';
import { SetQuotient } from '../commands/set-quotient/set-quotient.command.js';
import { SetQuotientRequest } from '../commands/set-quotient/set-quotient.request.js';
import { SignMandate } from '../commands/sign-mandate/sign-mandate.command.js';
import { SignMandateRequest } from '../commands/sign-mandate/sign-mandate.request.js';

/** Money matters of a family's file: set by the town's agents or its finance staff, never by the parent. */
@ApiTags('familles')
@Controller('families/:familyId')
@Roles('agent', 'finance', 'admin')
export class QuotientAndMandateController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Put('quotient')
  @HttpCode(204)
  @ApiOperation({ summary: 'Enregistrer le quotient familial (montant, validité, justificatif)' })
  async setQuotient(@Param('familyId', new ParseUUIDPipe()) familyId: string, @Body() body: SetQuotientRequest): Promise<void> {
    await this.commands.execute(new SetQuotient(familyId, body));
  }

  @Put('direct-debit-mandate')
  @HttpCode(204)
  @ApiOperation({ summary: 'Enregistrer un mandat de prélèvement SEPA signé' })
  signMandate(@Param('familyId', new ParseUUIDPipe()) familyId: string, @Body() body: SignMandateRequest): Promise<void> {
    return this.commands.execute(new SignMandate(familyId, body.mandateReference, body.signedOn, body.iban, body.bic ?? null));
  }

  @Post('direct-debit-mandate/revocation')
  @HttpCode(204)
  @ApiOperation({ summary: 'Révoquer le mandat de prélèvement' })
  revokeMandate(@Param('familyId', new ParseUUIDPipe()) familyId: string, @Body() body: RevokeMandateRequest): Promise<void> {
    return this.commands.execute(new RevokeMandate(familyId, body.revokedOn));
  }
}
