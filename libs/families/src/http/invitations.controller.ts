import { Body, Controller, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RateLimited, Roles } from '#ardoise/identity';
import { InviteFamily } from '../commands/invite-family/invite-family.command.js';
import { InviteFamilyRequest } from '../commands/invite-family/invite-family.request.js';
import { ResendInvitation } from '../commands/resend-invitation/resend-invitation.command.js';
import { ResendInvitationRequest } from '../commands/resend-invitation/resend-invitation.request.js';

@ApiTags('familles')
@Controller('families')
@Roles('agent', 'admin')
export class InvitationsController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post('invitations')
  @RateLimited('invitations')
  @ApiOperation({ summary: "Inviter une famille : e-mail d'activation avec un lien à usage unique" })
  invite(@Body() body: InviteFamilyRequest): Promise<{ familyId: string; expiresAt: string }> {
    return this.commands.execute(new InviteFamily({ email: body.email, familyName: body.familyName ?? null }));
  }

  @Post(':familyId/invitation')
  @RateLimited('invitations')
  @HttpCode(202)
  @ApiOperation({ summary: "Renvoyer l'e-mail d'activation (l'ancien lien ne fonctionne plus)" })
  resend(@Param('familyId', new ParseUUIDPipe()) familyId: string, @Body() body: ResendInvitationRequest): Promise<{ familyId: string; expiresAt: string }> {
    return this.commands.execute(new ResendInvitation(familyId, body.email));
  }
}
