import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { assertCanWriteFamily, Public, RateLimited, writeCookies, type SignedIn } from '#ardoise/identity';
import { AcceptGuardianInvitation } from '../commands/accept-guardian-invitation/accept-guardian-invitation.command.js';
import { AcceptGuardianInvitationRequest } from '../commands/accept-guardian-invitation/accept-guardian-invitation.request.js';
import { InviteGuardianLogin } from '../commands/invite-guardian-login/invite-guardian-login.command.js';
import { InviteGuardianLoginRequest } from '../commands/invite-guardian-login/invite-guardian-login.request.js';
import { ReadGuardianInvitation } from '../queries/read-guardian-invitation/read-guardian-invitation.query.js';

@ApiTags('familles')
@Controller()
export class GuardianLoginsController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  @Post('families/:familyId/guardians/:guardianId/login-invitation')
  @RateLimited('invitations')
  @HttpCode(202)
  @ApiOperation({ summary: 'Inviter un responsable (le 2, en général) à avoir son propre identifiant' })
  invite(
    @Param('familyId', new ParseUUIDPipe()) familyId: string,
    @Param('guardianId', new ParseUUIDPipe()) guardianId: string,
    @Body() body: InviteGuardianLoginRequest,
  ): Promise<{ expiresAt: string }> {
    assertCanWriteFamily(familyId);
    return this.commands.execute(new InviteGuardianLogin(familyId, guardianId, body.email));
  }

  @Public()
  @Get('guardian-invitations/:token')
  @ApiOperation({ summary: "Le lien d'invitation est-il valable ? (adresse de connexion)" })
  link(@Param('token') token: string): Promise<{ email: string }> {
    return this.queries.execute(new ReadGuardianInvitation(token));
  }

  @Public()
  @Post('guardian-invitations/:token')
  @ApiOperation({ summary: 'Accepter : choisir son mot de passe ; connecte le responsable' })
  async accept(
    @Param('token') token: string,
    @Body() body: AcceptGuardianInvitationRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SignedIn> {
    const { signedIn, cookies } = await this.commands.execute(new AcceptGuardianInvitation(token, body.password, body.passwordConfirmation));
    writeCookies(response, cookies);
    return signedIn;
  }
}
