import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { assertCanWriteFamily, Public, RateLimited, SessionCookies, type SignedIn } from '#ardoise/identity';
import { AcceptGuardianInvitationRequest, InviteGuardianLoginRequest } from './guardian-logins.requests.js';
import { GuardianLoginsService } from './guardian-logins.service.js';

@ApiTags('familles')
@Controller()
export class GuardianLoginsController {
  constructor(
    @Inject(GuardianLoginsService) private readonly service: GuardianLoginsService,
    @Inject(SessionCookies) private readonly cookies: SessionCookies,
  ) {}

  @Post('families/:familyId/guardians/:guardianId/login-invitation')
  @RateLimited('invitations')
  @HttpCode(202)
  @ApiOperation({ summary: 'Inviter un responsable (le 2, en général) à avoir son propre identifiant' })
  invite(
    @Param('familyId', new ParseUUIDPipe()) familyId: string,
    @Param('guardianId', new ParseUUIDPipe()) guardianId: string,
    @Body() body: InviteGuardianLoginRequest,
  ) {
    assertCanWriteFamily(familyId);
    return this.service.invite(familyId, guardianId, body.email);
  }

  @Public()
  @Get('guardian-invitations/:token')
  @ApiOperation({ summary: "Le lien d'invitation est-il valable ? (adresse de connexion)" })
  link(@Param('token') token: string): Promise<{ email: string }> {
    return this.service.link(token);
  }

  @Public()
  @Post('guardian-invitations/:token')
  @ApiOperation({ summary: 'Accepter : choisir son mot de passe ; connecte le responsable' })
  async accept(
    @Param('token') token: string,
    @Body() body: AcceptGuardianInvitationRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SignedIn> {
    const { signedIn, session } = await this.service.accept(token, body.password, body.passwordConfirmation);
    this.cookies.set(response, session.token, session.csrfToken);
    return signedIn;
  }
}
