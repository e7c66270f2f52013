import { Body, Controller, Delete, HttpCode, Inject, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { assertCanWriteFamily } from '#ardoise/identity';
import { AddSecondGuardian } from '../commands/add-second-guardian/add-second-guardian.command.js';
import { RegisterChild } from '../commands/register-child/register-child.command.js';
import { RemoveChild } from '../commands/remove-child/remove-child.command.js';
import { UpdateChild } from '../commands/update-child/update-child.command.js';
import { UpdateGuardian } from '../commands/update-guardian/update-guardian.command.js';
import { ChildInput } from '../requests/child.input.js';
import { GuardianInput } from '../requests/guardian.input.js';

const uuid = () => new ParseUUIDPipe();

/**
 * The family file, kept up to date by the parent (or an agent on the family's behalf):
 * Responsable 2, the guardians' details, the children. The parent's own family, or any family
 * for an agent acting on its behalf.
 */
@ApiTags('familles')
@Controller('families/:familyId')
export class FamilyFileController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post('guardians')
  @ApiOperation({ summary: 'Ajouter le responsable 2' })
  addGuardian(@Param('familyId', uuid()) familyId: string, @Body() body: GuardianInput): Promise<{ guardianId: string }> {
    assertCanWriteFamily(familyId);
    return this.commands.execute(new AddSecondGuardian(familyId, body));
  }

  @Put('guardians/:guardianId')
  @HttpCode(204)
  @ApiOperation({ summary: "Modifier les coordonnées d'un responsable" })
  updateGuardian(@Param('familyId', uuid()) familyId: string, @Param('guardianId', uuid()) guardianId: string, @Body() body: GuardianInput): Promise<void> {
    assertCanWriteFamily(familyId);
    return this.commands.execute(new UpdateGuardian(familyId, guardianId, body));
  }

  @Post('children')
  @ApiOperation({ summary: 'Inscrire un enfant du foyer' })
  registerChild(@Param('familyId', uuid()) familyId: string, @Body() body: ChildInput): Promise<{ childId: string }> {
    assertCanWriteFamily(familyId);
    return this.commands.execute(new RegisterChild(familyId, body));
  }

  @Put('children/:childId')
  @HttpCode(204)
  @ApiOperation({ summary: "Modifier la fiche d'un enfant" })
  updateChild(@Param('familyId', uuid()) familyId: string, @Param('childId', uuid()) childId: string, @Body() body: ChildInput): Promise<void> {
    assertCanWriteFamily(familyId);
    return this.commands.execute(new UpdateChild(familyId, childId, body));
  }

  @Delete('children/:childId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Retirer un enfant du foyer' })
  removeChild(@Param('familyId', uuid()) familyId: string, @Param('childId', uuid()) childId: string): Promise<void> {
    assertCanWriteFamily(familyId);
    return this.commands.execute(new RemoveChild(familyId, childId));
  }
}
