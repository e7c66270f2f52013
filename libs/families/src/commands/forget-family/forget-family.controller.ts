import { Controller, Delete, HttpCode, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#ardoise/identity';
import { ForgetFamilyService } from './forget-family.service.js';

@ApiTags('administration')
@Controller('admin/families')
@Roles('admin')
export class ForgetFamilyController {
  constructor(@Inject(ForgetFamilyService) private readonly service: ForgetFamilyService) {}

  @Delete(':familyId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Effacer une famille (RGPD) : clé détruite, copies effacées, comptes supprimés' })
  async forget(@Param('familyId', new ParseUUIDPipe()) familyId: string): Promise<void> {
    await this.service.forget(familyId);
  }
}
