import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public, SelfService } from '../access/access.decorators.js';
import type { AuthenticatedRequest } from '../access/access.guard.js';
import { LogIn } from '../commands/log-in/log-in.command.js';
import { LoginRequest } from '../commands/log-in/log-in.request.js';
import { LogOut } from '../commands/log-out/log-out.command.js';
import { clientNetwork } from '../sessions/client-network.js';
import { writeCookies } from '../sessions/session-cookies.js';
import { signedIn, type SignedIn } from '../sessions/signed-in.js';

@ApiTags('connexion')
@Controller('auth')
export class SessionsController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Se connecter (cookie de session httpOnly + jeton CSRF XSRF-TOKEN)' })
  async login(@Body() body: LoginRequest, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SignedIn> {
    const opened = await this.commands.execute(new LogIn(body.email, body.password, clientNetwork(request.ip)));
    writeCookies(response, opened.cookies);
    return opened.signedIn;
  }

  @SelfService()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Se déconnecter' })
  async logout(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) response: Response): Promise<void> {
    const closed = await this.commands.execute(new LogOut(request.session!.tokenHash));
    writeCookies(response, closed.cookies);
  }

  /** The session the access guard resolved for this request: nothing more to read. */
  @Get('me')
  @ApiOperation({ summary: 'La personne connectée' })
  me(@Req() request: AuthenticatedRequest): SignedIn {
    return signedIn(request.session!.account);
  }
}
