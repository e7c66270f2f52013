import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateRepository, currentContext } from '#ardoise/commands';
import { ValidationError } from '#ardoise/kernel';
import { AccountStore } from '../../accounts/account-store.js';
import { assertNewPassword } from '../../accounts/assert-new-password.js';
import { accountStream, type PasswordChanged } from '../../accounts/identity-events.js';
import { PasswordHasher } from '../../accounts/password-hasher.js';
import { SessionStore } from '../../sessions/session-store.js';
import { OneTimeTokenStore } from '../../tokens/one-time-token-store.js';
import { ChangePassword } from './change-password.command.js';

/** Other sessions and the links in flight close with the old password. */
@CommandHandler(ChangePassword)
export class ChangePasswordHandler implements ICommandHandler<ChangePassword> {
  constructor(
    @Inject(AccountStore) private readonly accounts: AccountStore,
    @Inject(PasswordHasher) private readonly passwords: PasswordHasher,
    @Inject(SessionStore) private readonly sessions: SessionStore,
    @Inject(OneTimeTokenStore) private readonly tokens: OneTimeTokenStore,
    @Inject(AggregateRepository) private readonly repository: AggregateRepository,
  ) {}

  async execute({ session, currentPassword, newPassword, newPasswordConfirmation }: ChangePassword): Promise<void> {
    if (!(await this.passwords.verify(session.account.passwordHash, currentPassword))) {
      throw new ValidationError([{ field: 'currentPassword', messages: ['Mot de passe actuel incorrect.'] }]);
    }
    assertNewPassword(newPassword, newPasswordConfirmation, 'newPassword');
    await this.accounts.changePassword(session.account.id, newPassword);
    await this.sessions.closeAllFor(session.account.id, session.tokenHash);
    // A reset link or a pending change of e-mail asked before must not outlive the old password.
    await this.tokens.revokeAll(session.account.id, ['password-reset', 'email-change']);
    const event: PasswordChanged = { type: 'PasswordChanged', data: { accountId: session.account.id, via: 'change' } };
    await this.repository.record(accountStream(session.account.id), [event], currentContext());
  }
}
