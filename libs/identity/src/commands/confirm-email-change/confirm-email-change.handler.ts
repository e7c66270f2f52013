import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import { AggregateRepository, currentContext } from '#ardoise/commands';
import { DATABASE } from '#ardoise/database';
import { AccountStore } from '../../accounts/account-store.js';
import { accountStream, type LoginEmailChanged } from '../../accounts/identity-events.js';
import type { IdentityDatabase } from '../../projections/identity-database.js';
import { OneTimeTokenStore } from '../../tokens/one-time-token-store.js';
import { ConfirmEmailChange } from './confirm-email-change.command.js';

@CommandHandler(ConfirmEmailChange)
export class ConfirmEmailChangeHandler implements ICommandHandler<ConfirmEmailChange> {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<IdentityDatabase>,
    @Inject(AccountStore) private readonly accounts: AccountStore,
    @Inject(OneTimeTokenStore) private readonly tokens: OneTimeTokenStore,
    @Inject(AggregateRepository) private readonly repository: AggregateRepository,
  ) {}

  async execute({ token }: ConfirmEmailChange): Promise<void> {
    const { subject: accountId, payload } = await this.tokens.peek('email-change', token);
    // One transaction: if the address was taken meanwhile (409), the link stays usable.
    await this.db.transaction().execute(async (trx) => {
      await this.tokens.consume('email-change', token, trx);
      await this.accounts.changeEmail(accountId, String(payload.newEmail), trx);
      // Reset links went to the old address: they die with it.
      await this.tokens.revokeAll(accountId, ['password-reset'], trx);
    });
    const event: LoginEmailChanged = { type: 'LoginEmailChanged', data: { accountId } };
    await this.repository.record(accountStream(accountId), [event], currentContext());
  }
}
