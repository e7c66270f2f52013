import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { AggregateRepository, currentContext } from '#ardoise/commands';
import { DATABASE, TransactionalAppendGate } from '#ardoise/database';
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
    @Inject(DATABASE) private readonly db: Kysely<any>,
    @Inject(TransactionalAppendGate) private readonly gate: TransactionalAppendGate,
  ) {}

  async create(request: NewStaffAccount): Promise<{ accountId: string }> {
    assertNewPassword(request.password, request.passwordConfirmation);
    // The fact is appended while the account's row is not yet committed: a failed append
    // leaves no login behind, and a committed login always has its AccountCreated event.
    const account = await this.gate.run(() => this.db.transaction().execute(async (trx) => {
      const created = await this.accounts.create(
        { email: request.email, password: request.password, role: request.role, displayName: request.displayName },
        trx,
      );
      const event: AccountCreated = {
        type: 'AccountCreated',
        data: { accountId: created.id, role: created.role, familyId: null, guardianId: null },
      };
      await this.repository.record(accountStream(created.id), [event], currentContext());
      return created;
    }));
    return { accountId: account.id };
  }
}
