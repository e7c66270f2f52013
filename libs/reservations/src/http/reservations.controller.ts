import { Body, Controller, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { assertCanWriteFamily } from '#ardoise/identity';
import { CancelReservation } from '../commands/cancel-reservation/cancel-reservation.command.js';
import { CancelRequest } from '../commands/cancel-reservation/cancel-reservation.request.js';
import { DeclareAbsence } from '../commands/declare-absence/declare-absence.command.js';
import { AbsenceRequest } from '../commands/declare-absence/declare-absence.request.js';
import { JustifyAbsence } from '../commands/justify-absence/justify-absence.command.js';
import { JustifyAbsenceRequest } from '../commands/justify-absence/justify-absence.request.js';

const slotOf = (body: { childId: string; serviceCode: string; date: string }) => ({ childId: body.childId, serviceCode: body.serviceCode, date: body.date });

/** Changes to validated reservations: cancellation, absences. */
@ApiTags('réservations')
@Controller('families/:familyId')
export class ReservationsController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post('reservations/cancellation')
  @HttpCode(200)
  @ApiOperation({ summary: 'Annuler une réservation (parent : dans le délai ; agent : à tout moment, avec un motif)' })
  cancel(@Param('familyId', ParseUUIDPipe) familyId: string, @Body() body: CancelRequest) {
    assertCanWriteFamily(familyId);
    return this.commands.execute(new CancelReservation(familyId, slotOf(body), body.reason ?? null));
  }

  @Post('absences')
  @HttpCode(204)
  @ApiOperation({ summary: 'Signaler une absence' })
  async declareAbsence(@Param('familyId', ParseUUIDPipe) familyId: string, @Body() body: AbsenceRequest) {
    assertCanWriteFamily(familyId);
    await this.commands.execute(new DeclareAbsence(familyId, slotOf(body), body.reason));
  }

  @Post('absences/justification')
  @HttpCode(204)
  @ApiOperation({ summary: 'Justifier une absence par un certificat médical (non facturée)' })
  async justifyAbsence(@Param('familyId', ParseUUIDPipe) familyId: string, @Body() body: JustifyAbsenceRequest) {
    assertCanWriteFamily(familyId);
    await this.commands.execute(new JustifyAbsence(familyId, slotOf(body), body.certificateReference ?? null));
  }
}
