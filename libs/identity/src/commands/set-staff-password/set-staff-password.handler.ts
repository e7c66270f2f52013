import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccountStore } from '../../accounts/account-store.js';
import { assertNewPassword } from '../../accounts/assert-new-password.js';
import type { PasswordChanged } from '../../accounts/identity-events.js';
import { SessionStore } from '../../sessions/session-store.js';
import { StaffAccountWriter } from '../../staff/staff-account-writer.js';
import { OneTimeTokenStore } from '../../tokens/one-time-token-store.js';
import { SetStaffPassword } from './set-staff-password.command.js';

/** Every session of the account ends, and its links in flight die. */
@CommandHandler(SetStaffPassword)
export class SetStaffPasswordHandler implements ICommandHandler<SetStaffPassword> {
  constructor(
    @Inject(AccountStore) private readonly accounts: AccountStore,
    @Inject(SessionStore) private readonly sessions: SessionStore,
    @Inject(OneTimeTokenStore) private readonly tokens: OneTimeTokenStore,
    @Inject(StaffAccountWriter) private readonly writer: StaffAccountWriter,
  ) {}

  async execute({ accountId, password, passwordConfirmation }: SetStaffPassword): Promise<void> {
    assertNewPassword(password, passwordConfirmation);
    await this.writer.change(accountId, async (_account, trx) => {
      await this.accounts.changePassword(accountId, password, trx);
      return [{ type: 'PasswordChanged', data: { accountId, via: 'admin' } } satisfies PasswordChanged];
    });
    await this.sessions.closeAllFor(accountId);
    await this.tokens.revokeAll(accountId, ['password-reset', 'email-change', 'staff-activation']);
  }
}
