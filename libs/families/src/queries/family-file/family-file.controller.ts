import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { currentContext } from '#ardoise/commands';
import { assertCanReadFamily } from '#ardoise/identity';
import { FamilyFileReader } from './family-file.reader.js';
import type { FamilyFileView } from './family-file.view.js';

@ApiTags('familles')
@Controller('families')
export class FamilyFileQueryController {
  constructor(@Inject(FamilyFileReader) private readonly reader: FamilyFileReader) {}

  @Get(':familyId')
  @ApiOperation({ summary: 'Le dossier de la famille : responsables, enfants, quotient, mandat' })
  read(@Param('familyId', new ParseUUIDPipe()) familyId: string): Promise<FamilyFileView> {
    assertCanReadFamily(familyId);
    return this.reader.read(familyId, currentContext().actor.role);
  }
}
