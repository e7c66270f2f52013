import { Body, Controller, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#ardoise/identity';
import { RegisterFamily } from '../commands/register-family/register-family.command.js';
import { RegisterFamilyRequest } from '../commands/register-family/register-family.request.js';

@ApiTags('familles')
@Controller('families')
export class RegisterFamilyController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post()
  @Roles('agent', 'admin')
  @ApiOperation({ summary: "Créer le dossier d'une famille sans internet (au guichet, pour son compte)" })
  async register(@Body() body: RegisterFamilyRequest): Promise<{ familyId: string }> {
    const { familyId } = await this.commands.execute(
      new RegisterFamily({
        familyName: body.familyName,
        contactEmail: body.email ?? null,
        guardians: body.guardians,
        children: body.children,
        via: 'agent',
      }),
    );
    return { familyId };
  }
}
