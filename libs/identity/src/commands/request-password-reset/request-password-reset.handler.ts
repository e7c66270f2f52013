import { createHash } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { AppConfig, MAILER, type Mailer } from '#ardoise/runtime';
import { AccountStore } from '../../accounts/account-store.js';
import { answerAfterAtLeast } from '../../enumeration/answer-after-at-least.js';
import { RESET_MAILS_PER_ADDRESS } from '../../rate-limits/rate-limit-policies.js';
import { RATE_LIMIT_STORAGE } from '../../rate-limits/rate-limit.guard.js';
import { OneTimeTokenStore } from '../../tokens/one-time-token-store.js';
import { PASSWORD_RESET_ANSWER, PASSWORD_RESET_ANSWER_MS, PASSWORD_RESET_LINK_MINUTES, RequestPasswordReset } from './request-password-reset.command.js';

const resetMailsKey = (email: string) => createHash('sha256').update(`password-reset-mails:${email.trim().toLowerCase()}`).digest('hex');

/** A single-use link by e-mail; the same answer, in the same time, whether the address has an account or not. */
@CommandHandler(RequestPasswordReset)
export class RequestPasswordResetHandler implements ICommandHandler<RequestPasswordReset> {
  constructor(
    @Inject(AccountStore) private readonly accounts: AccountStore,
    @Inject(OneTimeTokenStore) private readonly tokens: OneTimeTokenStore,
    @Inject(MAILER) private readonly mailer: Mailer,
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(RATE_LIMIT_STORAGE) private readonly counters: ThrottlerStorage,
  ) {}

  async execute({ email }: RequestPasswordReset): Promise<typeof PASSWORD_RESET_ANSWER> {
    await answerAfterAtLeast(PASSWORD_RESET_ANSWER_MS, () => this.sendLink(email));
    return PASSWORD_RESET_ANSWER;
  }

  /** A link to an active account, unless this address already got its share of reset e-mails this hour. */
  private async sendLink(email: string): Promise<void> {
    // Counted for every address asked, known or not: the same work either way.
    const mails = await this.counters.increment(resetMailsKey(email), RESET_MAILS_PER_ADDRESS.ttl, RESET_MAILS_PER_ADDRESS.limit, 0, 'reset-mails');
    const account = await this.accounts.findByEmail(email);
    if (!account || account.status !== 'active' || mails.isBlocked) return;
    const payload = account.familyId ? { familyId: account.familyId } : {};
    const token = await this.tokens.issue('password-reset', account.id, PASSWORD_RESET_LINK_MINUTES * 60, payload);
    await this.mailer.enqueue({
      to: account.email,
      template: 'password-reset',
      data: {
        link: `${this.config.publicUrl}/reinitialisation/${token}`,
        expiresAt: new Date(Date.now() + PASSWORD_RESET_LINK_MINUTES * 60_000).toISOString(),
      },
      ...(account.familyId ? { familyId: account.familyId } : {}),
      dedupeKey: `password-reset:${createHash('sha256').update(token).digest('hex').slice(0, 32)}`,
    });
  }
}
