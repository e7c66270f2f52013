import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { UnauthenticatedError } from '#ardoise/kernel';
import { AccountStore } from '../accounts/account-store.js';
import { DECOY_HASH, verifyPassword } from '../accounts/password-hasher.js';
import { Public, SelfService } from '../access/access.decorators.js';
import type { AuthenticatedRequest } from '../access/access.guard.js';
import { clientNetwork } from './client-network.js';
import { LoginRequest } from './login.request.js';
import { LoginThrottle } from './login-throttle.js';
import { SessionCookies } from './session-cookies.js';
import { SessionStore } from './session-store.js';
import { signedIn, type SignedIn } from './signed-in.js';

@ApiTags('connexion')
@Controller('auth')
export class SessionsController {
  constructor(
    @Inject(AccountStore) private readonly accounts: AccountStore,
    @Inject(SessionStore) private readonly sessions: SessionStore,
    @Inject(LoginThrottle) private readonly throttle: LoginThrottle,
    @Inject(SessionCookies) private readonly cookies: SessionCookies,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Se connecter (cookie de session httpOnly + jeton CSRF XSRF-TOKEN)' })
  async login(@Body() body: LoginRequest, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SignedIn> {
    const ip = clientNetwork(request.ip);
    await this.throttle.assertAllowed(body.email, ip);
    const account = await this.accounts.findByEmail(body.email);
    const valid = await verifyPassword(account?.passwordHash ?? DECOY_HASH, body.password);
    if (!account || !valid || account.status !== 'active') {
      await this.throttle.record(body.email, ip, false);
      // The same words whether the e-mail exists or not: no account enumeration.
      throw new UnauthenticatedError('AUTH.INVALID_CREDENTIALS', 'Adresse e-mail ou mot de passe incorrect.');
    }
    await this.throttle.record(body.email, ip, true);
    const { token, csrfToken } = await this.sessions.open(account.id);
    this.cookies.set(response, token, csrfToken);
    return signedIn(account);
  }

  @SelfService()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Se déconnecter' })
  async logout(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.sessions.close(request.session!.tokenHash);
    this.cookies.clear(response);
  }

  @Get('me')
  @ApiOperation({ summary: 'La personne connectée' })
  me(@Req() request: AuthenticatedRequest): SignedIn {
    return signedIn(request.session!.account);
  }
}
