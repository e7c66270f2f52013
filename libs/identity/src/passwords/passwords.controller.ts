import { Body, Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ValidationError } from '#ardoise/kernel';
import { AggregateRepository, currentContext } from '#ardoise/commands';
import { AccountStore } from '../accounts/account-store.js';
import { accountStream, type PasswordChanged } from '../accounts/identity-events.js';
import { verifyPassword } from '../accounts/password-hasher.js';
import { SelfService } from '../access/access.decorators.js';
import { RateLimited } from '../rate-limits/rate-limit.guard.js';
import type { AuthenticatedRequest } from '../access/access.guard.js';
import { SessionStore } from '../sessions/session-store.js';
import { OneTimeTokenStore } from '../tokens/one-time-token-store.js';
import { assertNewPassword } from './assert-new-password.js';
import { ChangePasswordRequest } from './change-password.request.js';

@ApiTags('connexion')
@Controller('auth/password')
export class PasswordsController {
  constructor(
    @Inject(AccountStore) private readonly accounts: AccountStore,
    @Inject(SessionStore) private readonly sessions: SessionStore,
    @Inject(OneTimeTokenStore) private readonly tokens: OneTimeTokenStore,
    @Inject(AggregateRepository) private readonly repository: AggregateRepository,
  ) {}

  @SelfService()
  @Post()
  @RateLimited('password-check')
  @HttpCode(204)
  @ApiOperation({ summary: 'Changer son mot de passe (les autres sessions et les liens de réinitialisation en cours sont fermés)' })
  async change(@Body() body: ChangePasswordRequest, @Req() request: AuthenticatedRequest): Promise<void> {
    const session = request.session!;
    if (!(await verifyPassword(session.account.passwordHash, body.currentPassword))) {
      throw new ValidationError([{ field: 'currentPassword', messages: ['Mot de passe actuel incorrect.'] }]);
    }
    assertNewPassword(body.newPassword, body.newPasswordConfirmation, 'newPassword');
    await this.accounts.changePassword(session.account.id, body.newPassword);
    await this.sessions.closeAllFor(session.account.id, session.tokenHash);
    // A reset link or a pending change of e-mail asked before must not outlive the old password.
    await this.tokens.revokeAll(session.account.id, ['password-reset', 'email-change']);
    const event: PasswordChanged = { type: 'PasswordChanged', data: { accountId: session.account.id, via: 'change' } };
    await this.repository.record(accountStream(session.account.id), [event], currentContext());
  }
}
