import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccountStore } from '../../accounts/account-store.js';
import type { StaffRoleChanged } from '../../accounts/identity-events.js';
import { StaffAccountWriter } from '../../staff/staff-account-writer.js';
import { ChangeStaffRole } from './change-staff-role.command.js';

@CommandHandler(ChangeStaffRole)
export class ChangeStaffRoleHandler implements ICommandHandler<ChangeStaffRole> {
  constructor(
    @Inject(AccountStore) private readonly accounts: AccountStore,
    @Inject(StaffAccountWriter) private readonly writer: StaffAccountWriter,
  ) {}

  async execute({ accountId, role }: ChangeStaffRole): Promise<void> {
    await this.writer.change(accountId, async (account, trx) => {
      if (account.role === role) return [];
      if (account.role === 'admin') await this.writer.keepOneAdmin(account, trx);
      await this.accounts.setRole(accountId, role, trx);
      return [{ type: 'StaffRoleChanged', data: { accountId, from: account.role, to: role } } satisfies StaffRoleChanged];
    });
    // A session carries the role it was opened with only through the account row: nothing to close.
  }
}
