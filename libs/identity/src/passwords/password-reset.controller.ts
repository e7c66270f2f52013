import { createHash } from 'node:crypto';
import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { Kysely } from 'kysely';
import { AggregateRepository, currentContext } from '#ardoise/commands';
import { DATABASE } from '#ardoise/database';
import { AppConfig, MAILER, type Mailer } from '#ardoise/runtime';
import { AccountStore } from '../accounts/account-store.js';
import { accountStream, type PasswordChanged } from '../accounts/identity-events.js';
import { Public } from '../access/access.decorators.js';
import { SessionStore } from '../sessions/session-store.js';
import { answerAfterAtLeast } from '../enumeration/answer-after-at-least.js';
import { RESET_MAILS_PER_ADDRESS } from '../rate-limits/rate-limit-policies.js';
import { RATE_LIMIT_STORAGE, RateLimited } from '../rate-limits/rate-limit.guard.js';
import { OneTimeTokenStore } from '../tokens/one-time-token-store.js';
import { assertNewPassword } from './assert-new-password.js';
import { NewPasswordRequest, PasswordResetRequest } from './password-reset.requests.js';

/** A reset link is short-lived: whoever reads the mailbox can take the account. */
export const PASSWORD_RESET_LINK_MINUTES = 60;

/**
 * Every answer to a reset request takes at least this long: with or without an account
 * (a link issued, an e-mail queued, or nothing), the answer is the same and as slow.
 */
export const PASSWORD_RESET_ANSWER_MS = 300;

const resetMailsKey = (email: string) => createHash('sha256').update(`password-reset-mails:${email.trim().toLowerCase()}`).digest('hex');

export const PASSWORD_RESET_ANSWER = {
  message: 'Si un compte existe avec cette adresse, un e-mail avec un lien de réinitialisation vient de lui être envoyé.',
};

/** « J'ai oublié mon mot de passe » : a single-use link by e-mail; every session closes after the reset. */
@Public()
@ApiTags('connexion')
@Controller('auth/password-reset')
export class PasswordResetController {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<any>,
    @Inject(AccountStore) private readonly accounts: AccountStore,
    @Inject(SessionStore) private readonly sessions: SessionStore,
    @Inject(OneTimeTokenStore) private readonly tokens: OneTimeTokenStore,
    @Inject(AggregateRepository) private readonly repository: AggregateRepository,
    @Inject(MAILER) private readonly mailer: Mailer,
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(RATE_LIMIT_STORAGE) private readonly counters: ThrottlerStorage,
  ) {}

  @Post()
  @HttpCode(202)
  @RateLimited('password-reset')
  @ApiOperation({ summary: 'Demander un lien de réinitialisation (même réponse, dans le même temps, que l’adresse existe ou non)' })
  async request(@Body() body: PasswordResetRequest): Promise<typeof PASSWORD_RESET_ANSWER> {
    await answerAfterAtLeast(PASSWORD_RESET_ANSWER_MS, () => this.sendLink(body.email));
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

  @Post(':token')
  @HttpCode(204)
  @ApiOperation({ summary: 'Choisir un nouveau mot de passe depuis le lien (toutes les sessions sont fermées)' })
  async reset(@Param('token') token: string, @Body() body: NewPasswordRequest): Promise<void> {
    await this.tokens.peek('password-reset', token);
    assertNewPassword(body.password, body.passwordConfirmation);
    const accountId = await this.db.transaction().execute(async (trx) => {
      const { subject } = await this.tokens.consume('password-reset', token, trx);
      await this.accounts.changePassword(subject, body.password, trx);
      return subject;
    });
    await this.sessions.closeAllFor(accountId);
    await this.tokens.revokeAll(accountId, ['email-change']);
    const event: PasswordChanged = { type: 'PasswordChanged', data: { accountId, via: 'reset' } };
    await this.repository.record(accountStream(accountId), [event], currentContext());
  }
}
