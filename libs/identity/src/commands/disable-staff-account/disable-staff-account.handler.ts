import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { currentContext } from '#ardoise/commands';
import { RuleViolationError } from '#ardoise/kernel';
import { AccountStore } from '../../accounts/account-store.js';
import type { AccountDisabled } from '../../accounts/identity-events.js';
import { SessionStore } from '../../sessions/session-store.js';
import { StaffAccountWriter } from '../../staff/staff-account-writer.js';
import { OneTimeTokenStore } from '../../tokens/one-time-token-store.js';
import { DisableStaffAccount } from './disable-staff-account.command.js';

@CommandHandler(DisableStaffAccount)
export class DisableStaffAccountHandler implements ICommandHandler<DisableStaffAccount> {
  constructor(
    @Inject(AccountStore) private readonly accounts: AccountStore,
    @Inject(SessionStore) private readonly sessions: SessionStore,
    @Inject(OneTimeTokenStore) private readonly tokens: OneTimeTokenStore,
    @Inject(StaffAccountWriter) private readonly writer: StaffAccountWriter,
  ) {}

  async execute({ accountId }: DisableStaffAccount): Promise<void> {
    if (accountId === currentContext().actor.userId) {
      throw new RuleViolationError('STAFF.SELF_DISABLE', 'Vous ne pouvez pas désactiver votre propre compte.');
    }
    const changed = await this.writer.change(accountId, async (account, trx) => {
      if (account.status === 'disabled') return [];
      if (account.role === 'admin') await this.writer.keepOneAdmin(account, trx);
      await this.accounts.setStatus(accountId, 'disabled', trx);
      return [{ type: 'AccountDisabled', data: { accountId } } satisfies AccountDisabled];
    });
    if (changed) {
      await this.sessions.closeAllFor(accountId);
      await this.tokens.revokeAll(accountId, ['password-reset', 'email-change', 'staff-activation']);
    }
  }
}
