import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { AggregateRepository, currentContext, EventOutbox, type StagedAppend } from '#ardoise/commands';
import { DATABASE } from '#ardoise/database';
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
    @Inject(EventOutbox) private readonly outbox: EventOutbox,
  ) {}

  async create(request: NewStaffAccount): Promise<{ accountId: string }> {
    assertNewPassword(request.password, request.passwordConfirmation);
    // The login and its AccountCreated fact in one transaction: the fact is staged in the
    // outbox and appended after the commit (EventOutbox, decision 0012).
    let staged: StagedAppend[] = [];
    const account = await this.db.transaction().execute(async (trx) => {
      const created = await this.accounts.create(
        { email: request.email, password: request.password, role: request.role, displayName: request.displayName },
        trx,
      );
      const event: AccountCreated = {
        type: 'AccountCreated',
        data: { accountId: created.id, role: created.role, familyId: null, guardianId: null },
      };
      staged = [this.repository.prepareFacts(accountStream(created.id), [event], currentContext())];
      await this.outbox.stage(trx, staged);
      return created;
    });
    await this.outbox.flush(staged);
    return { accountId: account.id };
  }
}
