import { Body, Controller, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ErasureResult } from '#ardoise/contracts';
import { Roles } from '#ardoise/identity';
import { ConfirmErasure } from '../commands/confirm-erasure/confirm-erasure.command.js';
import { ConfirmedErasureRequest } from '../commands/confirm-erasure/confirm-erasure.request.js';

/** The admins' erasure (/admin/rgpd), confirmed by the family's name. */
@ApiTags('administration')
@Controller('admin/erasures')
@Roles('admin')
export class ConfirmedErasureController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({ summary: 'Effacer une famille (RGPD) après confirmation par son nom : clé détruite, copies effacées, FamilyForgotten enregistré' })
  erase(@Body() body: ConfirmedErasureRequest): Promise<ErasureResult> {
    return this.commands.execute(new ConfirmErasure(body.familyId, body.familyName));
  }
}
