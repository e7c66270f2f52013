import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccountStore } from '../../accounts/account-store.js';
import type { AccountEnabled } from '../../accounts/identity-events.js';
import { StaffAccountWriter } from '../../staff/staff-account-writer.js';
import { EnableStaffAccount } from './enable-staff-account.command.js';

@CommandHandler(EnableStaffAccount)
export class EnableStaffAccountHandler implements ICommandHandler<EnableStaffAccount> {
  constructor(
    @Inject(AccountStore) private readonly accounts: AccountStore,
    @Inject(StaffAccountWriter) private readonly writer: StaffAccountWriter,
  ) {}

  async execute({ accountId }: EnableStaffAccount): Promise<void> {
    await this.writer.change(accountId, async (account, trx) => {
      if (account.status === 'active') return [];
      await this.accounts.setStatus(accountId, 'active', trx);
      return [{ type: 'AccountEnabled', data: { accountId } } satisfies AccountEnabled];
    });
  }
}
