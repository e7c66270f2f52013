import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ErasurePreview } from '#ardoise/contracts';
import { Roles } from '#ardoise/identity';
import { ValidationError } from '#ardoise/kernel';
import { PreviewErasure } from '../queries/preview-erasure/preview-erasure.query.js';

@ApiTags('administration')
@Controller('admin/families')
@Roles('admin', 'auditor')
export class ErasurePreviewController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get(':familyId/erasure-preview')
  @ApiOperation({ summary: "Ce qu'effacera l'effacement RGPD d'une famille (personnes, comptes, fichiers, e-mails, événements rendus illisibles)" })
  preview(
    @Param(
      'familyId',
      new ParseUUIDPipe({ exceptionFactory: () => new ValidationError([{ field: 'familyId', messages: ['Identifiant de famille invalide.'] }]) }),
    )
    familyId: string,
  ): Promise<ErasurePreview> {
    return this.queries.execute(new PreviewErasure(familyId));
  }
}
