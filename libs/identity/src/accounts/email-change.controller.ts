import { createHash } from 'node:crypto';
import { Body, Controller, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConflictError, ValidationError } from '#ardoise/kernel';
import type { Kysely } from 'kysely';
import { AggregateRepository, currentContext } from '#ardoise/commands';
import { DATABASE } from '#ardoise/database';
import { MAILER, type Mailer } from '#ardoise/messaging';
import { AppConfig } from '#ardoise/runtime';
import { Public, SelfService } from '../access/access.decorators.js';
import type { AuthenticatedRequest } from '../access/access.guard.js';
import { OneTimeTokenStore } from '../tokens/one-time-token-store.js';
import { AccountStore } from './account-store.js';
import { EmailChangeRequest } from './email-change.requests.js';
import { accountStream, type LoginEmailChanged } from './identity-events.js';
import { verifyPassword } from './password-hasher.js';

export const EMAIL_CHANGE_LINK_HOURS = 24;

/**
 * Changing one's login e-mail: asked with the current password, confirmed by a link sent to
 * the NEW address (proof that it is the person's), then every other session closes.
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
  @HttpCode(202)
  @ApiOperation({ summary: 'Demander à changer son adresse de connexion (lien de confirmation envoyé à la nouvelle adresse)' })
  async request(@Body() body: EmailChangeRequest, @Req() request: AuthenticatedRequest): Promise<{ message: string }> {
    const account = request.session!.account;
    if (!(await verifyPassword(account.passwordHash, body.password))) {
      throw new ValidationError([{ field: 'password', messages: ['Mot de passe actuel incorrect.'] }]);
    }
    if (await this.accounts.emailInUse(body.newEmail)) {
      throw new ConflictError('ACCOUNT.EMAIL_TAKEN', 'Cette adresse e-mail est déjà utilisée pour un autre compte.');
    }
    const payload = { newEmail: body.newEmail, ...(account.familyId ? { familyId: account.familyId } : {}) };
    const token = await this.tokens.issue('email-change', account.id, EMAIL_CHANGE_LINK_HOURS * 3600, payload);
    await this.mailer.enqueue({
      to: body.newEmail,
      template: 'email-change',
      data: {
        link: `${this.config.publicUrl}/confirmation-email/${token}`,
        expiresAt: new Date(Date.now() + EMAIL_CHANGE_LINK_HOURS * 3_600_000).toISOString(),
      },
      ...(account.familyId ? { familyId: account.familyId } : {}),
      dedupeKey: `email-change:${createHash('sha256').update(token).digest('hex').slice(0, 32)}`,
    });
    return { message: 'Un lien de confirmation a été envoyé à la nouvelle adresse.' };
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
    });
    const event: LoginEmailChanged = { type: 'LoginEmailChanged', data: { accountId } };
    await this.repository.record(accountStream(accountId), [event], currentContext());
  }
}
