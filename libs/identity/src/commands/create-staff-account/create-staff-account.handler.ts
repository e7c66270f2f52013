import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import { AggregateRepository, currentContext, EventOutbox, type StagedAppend } from '#ardoise/commands';
import { DATABASE } from '#ardoise/database';
import { AccountStore } from '../../accounts/account-store.js';
import { assertNewPassword } from '../../accounts/assert-new-password.js';
import { accountStream, type AccountCreated } from '../../accounts/identity-events.js';
import type { IdentityDatabase } from '../../projections/identity-database.js';
import { CreateStaffAccount } from './create-staff-account.command.js';

/** The login and its AccountCreated fact, recorded with who did it. */
@CommandHandler(CreateStaffAccount)
export class CreateStaffAccountHandler implements ICommandHandler<CreateStaffAccount> {
  constructor(
    @Inject(AccountStore) private readonly accounts: AccountStore,
    @Inject(AggregateRepository) private readonly repository: AggregateRepository,
    @Inject(DATABASE) private readonly db: Kysely<IdentityDatabase>,
    @Inject(EventOutbox) private readonly outbox: EventOutbox,
  ) {}

  async execute({ account: request }: CreateStaffAccount): Promise<{ accountId: string }> {
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
