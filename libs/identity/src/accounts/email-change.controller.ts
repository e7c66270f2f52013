import { createHash } from 'node:crypto';
import { Body, Controller, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ValidationError } from '#ardoise/kernel';
import type { Kysely } from 'kysely';
import { AggregateRepository, currentContext } from '#ardoise/commands';
import { DATABASE } from '#ardoise/database';
import { AppConfig, MAILER, type Mailer } from '#ardoise/runtime';
import { Public, SelfService } from '../access/access.decorators.js';
import type { AuthenticatedRequest } from '../access/access.guard.js';
import { RateLimited } from '../rate-limits/rate-limit.guard.js';
import { OneTimeTokenStore } from '../tokens/one-time-token-store.js';
import { answerAfterAtLeast } from '../enumeration/answer-after-at-least.js';
import { AccountStore, type Account } from './account-store.js';
import { EmailChangeRequest } from './email-change.requests.js';
import { accountStream, type LoginEmailChanged } from './identity-events.js';
import { verifyPassword } from './password-hasher.js';

export const EMAIL_CHANGE_LINK_HOURS = 24;

/** Whether the new address is free or already has an account, the answer is this, after at least this long. */
export const EMAIL_CHANGE_ANSWER = { message: 'Un e-mail a été envoyé à la nouvelle adresse : suivez-le pour confirmer le changement.' };
export const EMAIL_CHANGE_ANSWER_MS = 300;

/**
 * Changing one's login e-mail: asked with the current password, confirmed by a link sent to
 * the NEW address (proof that it is the person's). An address that already has an account is
 * not refused (that would tell who has one): its owner gets an e-mail instead of a link.
 */
@ApiTags('connexion')
@Controller('auth/email-change')
export class EmailChangeController {
  constructor(
    @Inject(AccountStore) private readonly accounts: AccountStore,
    @Inject(DATABASE) private readonly db: Kysely<any>,
    @Inject(OneTimeTokenStore) private readonly tokens: OneTimeTokenStore,
    @Inject(AggregateRepository) private readonly repository: AggregateRepository,
    @Inject(MAILER) private readonly mailer: Mailer,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  @SelfService()
  @Post()
  @RateLimited('password-check')
  @HttpCode(202)
  @ApiOperation({ summary: 'Demander à changer son adresse de connexion (lien de confirmation envoyé à la nouvelle adresse)' })
  async request(@Body() body: EmailChangeRequest, @Req() request: AuthenticatedRequest): Promise<typeof EMAIL_CHANGE_ANSWER> {
    const account = request.session!.account;
    if (!(await verifyPassword(account.passwordHash, body.password))) {
      throw new ValidationError([{ field: 'password', messages: ['Mot de passe actuel incorrect.'] }]);
    }
    await answerAfterAtLeast(EMAIL_CHANGE_ANSWER_MS, () => this.writeToNewAddress(account, body.newEmail));
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

  /** Public: the link may be opened on another device (the phone that reads the new mailbox). */
  @Public()
  @Post(':token')
  @HttpCode(204)
  @ApiOperation({ summary: 'Confirmer la nouvelle adresse de connexion depuis le lien' })
  async confirm(@Param('token') token: string): Promise<void> {
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
