import { Body, Controller, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#ardoise/identity';
import { TurnProofIntoQuotient, type QuotientFromRequest } from '../commands/turn-proof-into-quotient/turn-proof-into-quotient.command.js';
import { TurnProofIntoQuotientRequest } from '../commands/turn-proof-into-quotient/turn-proof-into-quotient.request.js';

/** "Mes demandes" seen from the back office: a QF proof becomes the family's quotient familial. */
@ApiTags('demandes')
@Controller('requests')
export class QfProofController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post(':id/quotient')
  @HttpCode(200)
  @Roles('agent', 'finance', 'admin')
  @ApiOperation({ summary: 'Mettre à jour le quotient familial depuis une demande « justificatif de QF », puis la clore' })
  turnIntoQuotient(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: TurnProofIntoQuotientRequest): Promise<QuotientFromRequest> {
    return this.commands.execute(new TurnProofIntoQuotient(id, body.amount, body.validFrom, body.validUntil));
  }
}
