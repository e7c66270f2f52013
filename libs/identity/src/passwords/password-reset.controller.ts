import { createHash } from 'node:crypto';
import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Kysely } from 'kysely';
import { AggregateRepository, currentContext } from '#ardoise/commands';
import { DATABASE } from '#ardoise/database';
import { MAILER, type Mailer } from '#ardoise/messaging';
import { AppConfig } from '#ardoise/runtime';
import { AccountStore } from '../accounts/account-store.js';
import { accountStream, type PasswordChanged } from '../accounts/identity-events.js';
import { Public } from '../access/access.decorators.js';
import { SessionStore } from '../sessions/session-store.js';
import { OneTimeTokenStore } from '../tokens/one-time-token-store.js';
import { assertNewPassword } from './assert-new-password.js';
import { NewPasswordRequest, PasswordResetRequest } from './password-reset.requests.js';

/** A reset link is short-lived: whoever reads the mailbox can take the account. */
export const PASSWORD_RESET_LINK_MINUTES = 60;

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
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Demander un lien de réinitialisation (même réponse que l’adresse existe ou non)' })
  async request(@Body() body: PasswordResetRequest): Promise<typeof PASSWORD_RESET_ANSWER> {
    const account = await this.accounts.findByEmail(body.email);
    if (account && account.status === 'active') {
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
    return PASSWORD_RESET_ANSWER;
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
    const event: PasswordChanged = { type: 'PasswordChanged', data: { accountId, via: 'reset' } };
    await this.repository.record(accountStream(accountId), [event], currentContext());
  }
}
