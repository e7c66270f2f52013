import { Body, Controller, Inject, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#ardoise/identity';
import { RegisterFamilyRequest } from './register-family.request.js';
import { RegisterFamilyService } from './register-family.service.js';

@ApiTags('familles')
@Controller('families')
export class RegisterFamilyController {
  constructor(@Inject(RegisterFamilyService) private readonly service: RegisterFamilyService) {}

  @Post()
  @Roles('agent', 'admin')
  @ApiOperation({ summary: "Créer le dossier d'une famille sans internet (au guichet, pour son compte)" })
  async register(@Body() body: RegisterFamilyRequest): Promise<{ familyId: string }> {
    const { familyId } = await this.service.register({
      familyName: body.familyName,
      contactEmail: body.email ?? null,
      guardians: body.guardians,
      children: body.children,
      via: 'agent',
    });
    return { familyId };
  }
}
