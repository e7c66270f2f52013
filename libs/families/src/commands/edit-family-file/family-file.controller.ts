import { Body, Controller, Delete, HttpCode, Inject, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { assertCanWriteFamily } from '#ardoise/identity';
import { ChildInput } from '../inputs/child.input.js';
import { GuardianInput } from '../inputs/guardian.input.js';
import { EditFamilyFileService } from './edit-family-file.service.js';

const uuid = () => new ParseUUIDPipe();

/** The parent's own family, or any family for an agent acting on its behalf. */
@ApiTags('familles')
@Controller('families/:familyId')
export class FamilyFileController {
  constructor(@Inject(EditFamilyFileService) private readonly service: EditFamilyFileService) {}

  @Post('guardians')
  @ApiOperation({ summary: 'Ajouter le responsable 2' })
  addGuardian(@Param('familyId', uuid()) familyId: string, @Body() body: GuardianInput) {
    assertCanWriteFamily(familyId);
    return this.service.addSecondGuardian(familyId, body);
  }

  @Put('guardians/:guardianId')
  @HttpCode(204)
  @ApiOperation({ summary: "Modifier les coordonnées d'un responsable" })
  updateGuardian(@Param('familyId', uuid()) familyId: string, @Param('guardianId', uuid()) guardianId: string, @Body() body: GuardianInput) {
    assertCanWriteFamily(familyId);
    return this.service.updateGuardian(familyId, guardianId, body);
  }

  @Post('children')
  @ApiOperation({ summary: 'Inscrire un enfant du foyer' })
  registerChild(@Param('familyId', uuid()) familyId: string, @Body() body: ChildInput) {
    assertCanWriteFamily(familyId);
    return this.service.registerChild(familyId, body);
  }

  @Put('children/:childId')
  @HttpCode(204)
  @ApiOperation({ summary: "Modifier la fiche d'un enfant" })
  updateChild(@Param('familyId', uuid()) familyId: string, @Param('childId', uuid()) childId: string, @Body() body: ChildInput) {
    assertCanWriteFamily(familyId);
    return this.service.updateChild(familyId, childId, body);
  }

  @Delete('children/:childId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Retirer un enfant du foyer' })
  removeChild(@Param('familyId', uuid()) familyId: string, @Param('childId', uuid()) childId: string) {
    assertCanWriteFamily(familyId);
    return this.service.removeChild(familyId, childId);
  }
}
