import { Body, Controller, Inject, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ErasureResult } from '#ardoise/contracts';
import { Roles } from '#ardoise/identity';
import { ValidationError } from '#ardoise/kernel';
import { ErasurePreviewReader } from '../../queries/erasure-preview/erasure-preview.reader.js';
import { ConfirmedErasureRequest } from './confirmed-erasure.request.js';
import { ForgetFamilyService } from './forget-family.service.js';

/** Case, accents, and spaces do not matter in the typed confirmation. */
export const sameFamilyName = (typed: string, name: string): boolean => {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim().toLocaleLowerCase('fr');
  return fold(typed) === fold(name);
};

/**
 * The admins' erasure (/admin/rgpd): the same service as DELETE /admin/families/:id, after
 * the server checked the family's name as typed by the admin.
 */
@ApiTags('administration')
@Controller('admin/erasures')
@Roles('admin')
export class ConfirmedErasureController {
  constructor(
    @Inject(ForgetFamilyService) private readonly service: ForgetFamilyService,
    @Inject(ErasurePreviewReader) private readonly previews: ErasurePreviewReader,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Effacer une famille (RGPD) après confirmation par son nom : clé détruite, copies effacées, FamilyForgotten enregistré' })
  async erase(@Body() body: ConfirmedErasureRequest): Promise<ErasureResult> {
    const preview = await this.previews.preview(body.familyId);
    if (!preview.alreadyForgotten && !sameFamilyName(body.familyName, preview.familyName ?? '')) {
      throw new ValidationError(
        [{ field: 'familyName', messages: ['Le nom tapé ne correspond pas au nom de la famille.'] }],
        'La confirmation ne correspond pas.',
      );
    }
    const report = await this.service.forget(body.familyId);
    return {
      familyId: body.familyId,
      alreadyForgotten: report.alreadyForgotten,
      keyDestroyed: report.keyDestroyed,
      accountsDeleted: report.accountsDeleted,
      eventRecorded: !report.alreadyForgotten,
    };
  }
}
