import { Body, Controller, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RateLimited, Roles } from '#ardoise/identity';
import { InviteFamilyRequest, ResendInvitationRequest } from './invite-family.request.js';
import { InviteFamilyService } from './invite-family.service.js';

@ApiTags('familles')
@Controller('families')
@Roles('agent', 'admin')
export class InvitationsController {
  constructor(@Inject(InviteFamilyService) private readonly service: InviteFamilyService) {}

  @Post('invitations')
  @RateLimited('invitations')
  @ApiOperation({ summary: "Inviter une famille : e-mail d'activation avec un lien à usage unique" })
  invite(@Body() body: InviteFamilyRequest) {
    return this.service.invite({ email: body.email, familyName: body.familyName ?? null });
  }

  @Post(':familyId/invitation')
  @RateLimited('invitations')
  @HttpCode(202)
  @ApiOperation({ summary: "Renvoyer l'e-mail d'activation (l'ancien lien ne fonctionne plus)" })
  resend(@Param('familyId', new ParseUUIDPipe()) familyId: string, @Body() body: ResendInvitationRequest) {
    return this.service.resend(familyId, body.email);
  }
}
