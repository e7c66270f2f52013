import { Body, Controller, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, SelfService } from '../access/access.decorators.js';
import type { AuthenticatedRequest } from '../access/access.guard.js';
import { ConfirmEmailChange } from '../commands/confirm-email-change/confirm-email-change.command.js';
import { EMAIL_CHANGE_ANSWER, RequestEmailChange } from '../commands/request-email-change/request-email-change.command.js';
import { EmailChangeRequest } from '../commands/request-email-change/request-email-change.request.js';
import { RateLimited } from '../rate-limits/rate-limit.guard.js';

/** Changing one's login e-mail: asked with the current password, confirmed by a link sent to the new address. */
@ApiTags('connexion')
@Controller('auth/email-change')
export class EmailChangeController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @SelfService()
  @Post()
  @RateLimited('password-check')
  @HttpCode(202)
  @ApiOperation({ summary: 'Demander à changer son adresse de connexion (lien de confirmation envoyé à la nouvelle adresse)' })
  request(@Body() body: EmailChangeRequest, @Req() request: AuthenticatedRequest): Promise<typeof EMAIL_CHANGE_ANSWER> {
    return this.commands.execute(new RequestEmailChange(request.session!.account, body.newEmail, body.password));
  }

  /** Public: the link may be opened on another device (the phone that reads the new mailbox). */
  @Public()
  @Post(':token')
  @HttpCode(204)
  @ApiOperation({ summary: 'Confirmer la nouvelle adresse de connexion depuis le lien' })
  async confirm(@Param('token') token: string): Promise<void> {
    await this.commands.execute(new ConfirmEmailChange(token));
  }
}
