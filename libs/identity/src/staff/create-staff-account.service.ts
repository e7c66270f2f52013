import { Inject, Injectable } from '@nestjs/common';
import { AggregateRepository, currentContext } from '#ardoise/commands';
import { AccountStore } from '../accounts/account-store.js';
import { accountStream, type AccountCreated } from '../accounts/identity-events.js';
import { assertNewPassword } from '../passwords/assert-new-password.js';
import type { StaffRole } from './create-staff-account.request.js';

export interface NewStaffAccount {
  email: string;
  displayName: string;
  role: StaffRole;
  password: string;
  passwordConfirmation: string;
}

/** An admin opens a staff login; the fact is recorded with who did it. */
@Injectable()
export class CreateStaffAccountService {
  constructor(
    @Inject(AccountStore) private readonly accounts: AccountStore,
    @Inject(AggregateRepository) private readonly repository: AggregateRepository,
  ) {}

  async create(request: NewStaffAccount): Promise<{ accountId: string }> {
    assertNewPassword(request.password, request.passwordConfirmation);
    const account = await this.accounts.create({
      email: request.email,
      password: request.password,
      role: request.role,
      displayName: request.displayName,
    });
    const event: AccountCreated = {
      type: 'AccountCreated',
      data: { accountId: account.id, role: account.role, familyId: null, guardianId: null },
    };
    await this.repository.record(accountStream(account.id), [event], currentContext());
    return { accountId: account.id };
  }
}
