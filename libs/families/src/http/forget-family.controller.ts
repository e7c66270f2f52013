import { Controller, Delete, HttpCode, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#ardoise/identity';
import { ForgetFamily } from '../commands/forget-family/forget-family.command.js';

@ApiTags('administration')
@Controller('admin/families')
@Roles('admin')
export class ForgetFamilyController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Delete(':familyId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Effacer une famille (RGPD) : clé détruite, copies effacées, comptes supprimés' })
  async forget(@Param('familyId', new ParseUUIDPipe()) familyId: string): Promise<void> {
    await this.commands.execute(new ForgetFamily(familyId));
  }
}
