import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import { AggregateRepository, currentContext } from '#ardoise/commands';
import { DATABASE } from '#ardoise/database';
import { AccountStore } from '../../accounts/account-store.js';
import { assertNewPassword } from '../../accounts/assert-new-password.js';
import { accountStream, type PasswordChanged } from '../../accounts/identity-events.js';
import type { IdentityDatabase } from '../../projections/identity-database.js';
import { SessionStore } from '../../sessions/session-store.js';
import { OneTimeTokenStore } from '../../tokens/one-time-token-store.js';
import { ResetPassword } from './reset-password.command.js';

/** The link is used and the password changed in one transaction; every session closes after. */
@CommandHandler(ResetPassword)
export class ResetPasswordHandler implements ICommandHandler<ResetPassword> {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<IdentityDatabase>,
    @Inject(AccountStore) private readonly accounts: AccountStore,
    @Inject(SessionStore) private readonly sessions: SessionStore,
    @Inject(OneTimeTokenStore) private readonly tokens: OneTimeTokenStore,
    @Inject(AggregateRepository) private readonly repository: AggregateRepository,
  ) {}

  async execute({ token, password, passwordConfirmation }: ResetPassword): Promise<void> {
    await this.tokens.peek('password-reset', token);
    assertNewPassword(password, passwordConfirmation);
    const accountId = await this.db.transaction().execute(async (trx) => {
      const { subject } = await this.tokens.consume('password-reset', token, trx);
      await this.accounts.changePassword(subject, password, trx);
      return subject;
    });
    await this.sessions.closeAllFor(accountId);
    await this.tokens.revokeAll(accountId, ['email-change']);
    const event: PasswordChanged = { type: 'PasswordChanged', data: { accountId, via: 'reset' } };
    await this.repository.record(accountStream(accountId), [event], currentContext());
  }
}
