import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../access/access.decorators.js';
import { PASSWORD_RESET_ANSWER, RequestPasswordReset } from '../commands/request-password-reset/request-password-reset.command.js';
import { PasswordResetRequest } from '../commands/request-password-reset/request-password-reset.request.js';
import { ResetPassword } from '../commands/reset-password/reset-password.command.js';
import { NewPasswordRequest } from '../commands/reset-password/reset-password.request.js';
import { RateLimited } from '../rate-limits/rate-limit.guard.js';

/** « J'ai oublié mon mot de passe » : a single-use link by e-mail; every session closes after the reset. */
@Public()
@ApiTags('connexion')
@Controller('auth/password-reset')
export class PasswordResetController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(202)
  @RateLimited('password-reset')
  @ApiOperation({ summary: 'Demander un lien de réinitialisation (même réponse, dans le même temps, que l’adresse existe ou non)' })
  request(@Body() body: PasswordResetRequest): Promise<typeof PASSWORD_RESET_ANSWER> {
    return this.commands.execute(new RequestPasswordReset(body.email));
  }

  @Post(':token')
  @HttpCode(204)
  @ApiOperation({ summary: 'Choisir un nouveau mot de passe depuis le lien (toutes les sessions sont fermées)' })
  async reset(@Param('token') token: string, @Body() body: NewPasswordRequest): Promise<void> {
    await this.commands.execute(new ResetPassword(token, body.password, body.passwordConfirmation));
  }
}
