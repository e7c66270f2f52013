import { Body, Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SelfService } from '../access/access.decorators.js';
import type { AuthenticatedRequest } from '../access/access.guard.js';
import { ChangePassword } from '../commands/change-password/change-password.command.js';
import { ChangePasswordRequest } from '../commands/change-password/change-password.request.js';
import { RateLimited } from '../rate-limits/rate-limit.guard.js';

@ApiTags('connexion')
@Controller('auth/password')
export class PasswordsController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @SelfService()
  @Post()
  @RateLimited('password-check')
  @HttpCode(204)
  @ApiOperation({ summary: 'Changer son mot de passe (les autres sessions et les liens de réinitialisation en cours sont fermés)' })
  async change(@Body() body: ChangePasswordRequest, @Req() request: AuthenticatedRequest): Promise<void> {
    await this.commands.execute(new ChangePassword(request.session!, body.currentPassword, body.newPassword, body.newPasswordConfirmation));
  }
}
