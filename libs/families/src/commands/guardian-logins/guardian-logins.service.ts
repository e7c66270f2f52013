import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { ConflictError, NotFoundError, ValidationError } from '#ardoise/kernel';
import { AggregateRepository, CLOCK, currentContext, EventOutbox, type Clock, type StagedAppend } from '#ardoise/commands';
import { DATABASE } from '#ardoise/database';
import { AccountStore, assertNewPassword, familyNotFound, OneTimeTokenStore, SessionStore, signedIn, type SignedIn } from '#ardoise/identity';
import { MAILER, type Mailer } from '#ardoise/messaging';
import { AppConfig } from '#ardoise/runtime';
import { familyStream } from '../../domain/family-events.js';
import { familyDecider } from '../../domain/family.decider.js';
import type { GuardianDetails } from '../../domain/personal-data.js';
import { PersonalDataCipher } from '../../privacy/personal-data-cipher.js';
import { RegisterFamilyService } from '../register-family/register-family.service.js';

/**
 * Each guardian may have their own login to the same family (one shared login is what
 * parents complain about most). Responsable 1 or an agent invites; the guardian chooses a
 * password from the link and is signed in.
 */
@Injectable()
export class GuardianLoginsService {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<any>,
    @Inject(AggregateRepository) private readonly repository: AggregateRepository,
    @Inject(PersonalDataCipher) private readonly cipher: PersonalDataCipher,
    @Inject(AccountStore) private readonly accounts: AccountStore,
    @Inject(OneTimeTokenStore) private readonly tokens: OneTimeTokenStore,
    @Inject(SessionStore) private readonly sessions: SessionStore,
    @Inject(RegisterFamilyService) private readonly registration: RegisterFamilyService,
    @Inject(MAILER) private readonly mailer: Mailer,
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EventOutbox) private readonly outbox: EventOutbox,
  ) {}

  async invite(familyId: string, guardianId: string, email?: string | null): Promise<{ expiresAt: string }> {
    const { state } = await this.repository.load(familyStream(familyId), familyDecider);
    if (state.status !== 'active') throw familyNotFound();
    const guardian = state.guardians[guardianId];
    if (!guardian) throw new NotFoundError('FAMILY.GUARDIAN_NOT_FOUND', 'Responsable introuvable.');
    const existing = await this.db.selectFrom('accounts').select('id').where('guardian_id', '=', guardianId).executeTakeFirst();
    if (existing) throw new ConflictError('FAMILY.GUARDIAN_HAS_LOGIN', 'Ce responsable a déjà son propre identifiant.');
    const details = await this.cipher.open<GuardianDetails>(familyId, guardian.details);
    const to = email ?? details?.email;
    if (!to) throw new ValidationError([{ field: 'email', messages: ["Indiquez l'adresse e-mail du responsable."] }]);

    const days = this.config.ACTIVATION_LINK_DAYS;
    const expiresAt = new Date(this.clock.now().getTime() + days * 86_400_000).toISOString();
    await this.repository.handle(familyStream(familyId), familyDecider, { type: 'InviteGuardianLogin', familyId, guardianId, expiresAt }, currentContext(), {
      retriesOnConflict: 3,
    });
    const token = await this.tokens.issue('guardian-invitation', guardianId, days * 86_400, { familyId, guardianId, email: to });
    await this.mailer.enqueue({
      to,
      template: 'guardian-invitation',
      data: { link: `${this.config.publicUrl}/invitation/${token}`, name: details?.firstName ?? null, expiresAt },
      familyId,
      dedupeKey: `guardian-invitation:${createHash('sha256').update(token).digest('hex').slice(0, 32)}`,
    });
    return { expiresAt };
  }

  async link(token: string): Promise<{ email: string }> {
    const { payload } = await this.tokens.peek('guardian-invitation', token);
    return { email: String(payload.email) };
  }

  async accept(token: string, password: string, confirmation: string): Promise<{ signedIn: SignedIn; session: { token: string; csrfToken: string } }> {
    const { payload } = await this.tokens.peek('guardian-invitation', token);
    assertNewPassword(password, confirmation);
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
      staged = [this.registration.accountCreated(created, context)];
      await this.outbox.stage(trx, staged);
      return created;
    });
    currentContext().actor = context.actor;
    await this.outbox.flush(staged);
    return { signedIn: signedIn(account), session: await this.sessions.open(account.id) };
  }
}
