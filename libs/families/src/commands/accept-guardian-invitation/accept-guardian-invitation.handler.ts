import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import { AggregateRepository, currentContext, EventOutbox, type StagedAppend } from '#ardoise/commands';
import { DATABASE } from '#ardoise/database';
import { AccountStore, assertNewPassword, familyNotFound, OneTimeTokenStore, SessionCookies, SessionStore, signedIn } from '#ardoise/identity';
import { familyStream } from '../../domain/family-events.js';
import { familyDecider } from '../../domain/family.decider.js';
import type { GuardianDetails } from '../../domain/personal-data.js';
import { PersonalDataCipher } from '../../privacy/personal-data-cipher.js';
import type { FamiliesDatabase } from '../../projections/families-database.js';
import { accountCreated } from '../../registration/account-created.js';
import type { OpenedSession } from '../activate-account/activate-account.command.js';
import { AcceptGuardianInvitation } from './accept-guardian-invitation.command.js';

@CommandHandler(AcceptGuardianInvitation)
export class AcceptGuardianInvitationHandler implements ICommandHandler<AcceptGuardianInvitation> {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<FamiliesDatabase>,
    @Inject(AggregateRepository) private readonly repository: AggregateRepository,
    @Inject(PersonalDataCipher) private readonly cipher: PersonalDataCipher,
    @Inject(AccountStore) private readonly accounts: AccountStore,
    @Inject(OneTimeTokenStore) private readonly tokens: OneTimeTokenStore,
    @Inject(SessionStore) private readonly sessions: SessionStore,
    @Inject(SessionCookies) private readonly cookies: SessionCookies,
    @Inject(EventOutbox) private readonly outbox: EventOutbox,
  ) {}

  async execute({ token, password, passwordConfirmation }: AcceptGuardianInvitation): Promise<OpenedSession> {
    const { payload } = await this.tokens.peek('guardian-invitation', token);
    assertNewPassword(password, passwordConfirmation);
    const familyId = String(payload.familyId);
    const guardianId = String(payload.guardianId);
    const { state } = await this.repository.load(familyStream(familyId), familyDecider);
    const guardian = state.guardians[guardianId];
    if (state.status !== 'active' || !guardian) throw familyNotFound();
    const details = await this.cipher.open<GuardianDetails>(familyId, guardian.details);
    // The login and its AccountCreated fact in one transaction (the fact staged in the outbox, appended after the commit).
    const accountId = randomUUID();
    const context = { ...currentContext(), actor: { userId: accountId, role: 'parent' as const, familyId } }; // the guardian is the author
    let staged: StagedAppend[] = [];
    const account = await this.db.transaction().execute(async (trx) => {
      await this.tokens.consume('guardian-invitation', token, trx);
      const created = await this.accounts.create(
        {
          id: accountId,
          email: String(payload.email),
          password,
          role: 'parent',
          familyId,
          guardianId,
          displayName: details ? `${details.firstName} ${details.lastName}` : 'Responsable',
        },
        trx,
      );
      staged = [accountCreated(this.repository, created, context)];
      await this.outbox.stage(trx, staged);
      return created;
    });
    currentContext().actor = context.actor;
    await this.outbox.flush(staged);
    const { token: sessionToken, csrfToken } = await this.sessions.open(account.id);
    return { signedIn: signedIn(account), cookies: this.cookies.opening(sessionToken, csrfToken) };
  }
}
