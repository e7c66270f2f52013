import { createHash } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ValidationError } from '#ardoise/kernel';
import { AppConfig, MAILER, type Mailer } from '#ardoise/runtime';
import { AccountStore, type Account } from '../../accounts/account-store.js';
import { PasswordHasher } from '../../accounts/password-hasher.js';
import { answerAfterAtLeast } from '../../enumeration/answer-after-at-least.js';
import { OneTimeTokenStore } from '../../tokens/one-time-token-store.js';
import { EMAIL_CHANGE_ANSWER, EMAIL_CHANGE_ANSWER_MS, EMAIL_CHANGE_LINK_HOURS, RequestEmailChange } from './request-email-change.command.js';

/**
 * Changing one's login e-mail is confirmed by a link sent to the NEW address (proof that it is
 * the person's). An address that already has an account is not refused (that would tell who
 * has one): its owner gets an e-mail instead of a link.
 */
@CommandHandler(RequestEmailChange)
export class RequestEmailChangeHandler implements ICommandHandler<RequestEmailChange> {
  constructor(
    @Inject(AccountStore) private readonly accounts: AccountStore,
    @Inject(PasswordHasher) private readonly passwords: PasswordHasher,
    @Inject(OneTimeTokenStore) private readonly tokens: OneTimeTokenStore,
    @Inject(MAILER) private readonly mailer: Mailer,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  async execute({ account, newEmail, password }: RequestEmailChange): Promise<typeof EMAIL_CHANGE_ANSWER> {
    if (!(await this.passwords.verify(account.passwordHash, password))) {
      throw new ValidationError([{ field: 'password', messages: ['Mot de passe actuel incorrect.'] }]);
    }
    await answerAfterAtLeast(EMAIL_CHANGE_ANSWER_MS, () => this.writeToNewAddress(account, newEmail));
    return EMAIL_CHANGE_ANSWER;
  }

  /**
   * A confirmation link to the new address, or, when that address already has an account,
   * a word to its owner: the answer is the same, so nobody learns from it who has an account.
   */
  private async writeToNewAddress(account: Account, newEmail: string): Promise<void> {
    const owner = await this.accounts.findByEmail(newEmail);
    if (owner) {
      if (owner.id === account.id) return; // already this account's address: nothing to change
      await this.mailer.enqueue({
        to: owner.email,
        template: 'email-change-address-taken',
        data: {},
        ...(owner.familyId ? { familyId: owner.familyId } : {}),
      });
      return;
    }
    const payload = { newEmail, ...(account.familyId ? { familyId: account.familyId } : {}) };
    const token = await this.tokens.issue('email-change', account.id, EMAIL_CHANGE_LINK_HOURS * 3600, payload);
    await this.mailer.enqueue({
      to: newEmail,
      template: 'email-change',
      data: {
        link: `${this.config.publicUrl}/confirmation-email/${token}`,
        expiresAt: new Date(Date.now() + EMAIL_CHANGE_LINK_HOURS * 3_600_000).toISOString(),
      },
      ...(account.familyId ? { familyId: account.familyId } : {}),
      dedupeKey: `email-change:${createHash('sha256').update(token).digest('hex').slice(0, 32)}`,
    });
  }
}
