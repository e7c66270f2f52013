import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { currentContext } from '#ardoise/commands';
import { assertCanReadFamily } from '#ardoise/identity';
import { FamilyFile } from '../queries/family-file/family-file.query.js';
import type { FamilyFileView } from '../queries/family-file/family-file.view.js';

@ApiTags('familles')
@Controller('families')
export class FamilyFileQueryController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get(':familyId')
  @ApiOperation({ summary: 'Le dossier de la famille : responsables, enfants, quotient, mandat' })
  read(@Param('familyId', new ParseUUIDPipe()) familyId: string): Promise<FamilyFileView> {
    assertCanReadFamily(familyId);
    return this.queries.execute(new FamilyFile(familyId, currentContext().actor.role));
  }
}
