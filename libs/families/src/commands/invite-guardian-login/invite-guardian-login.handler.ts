import { createHash } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ConflictError, NotFoundError, ValidationError } from '#ardoise/kernel';
import { AggregateRepository, CLOCK, currentContext, type Clock } from '#ardoise/commands';
import { AccountReader, familyNotFound, OneTimeTokenStore } from '#ardoise/identity';
import { AppConfig, MAILER, type Mailer } from '#ardoise/runtime';
import { familyStream } from '../../domain/family-events.js';
import { familyDecider } from '../../domain/family.decider.js';
import type { GuardianDetails } from '../../domain/personal-data.js';
import { PersonalDataCipher } from '../../privacy/personal-data-cipher.js';
import { InviteGuardianLogin } from './invite-guardian-login.command.js';

/**
 * Each guardian may have their own login to the same family (one shared login is what
 * parents complain about most). Responsable 1 or an agent invites; the guardian chooses a
 * password from the e-mailed link and is signed in.
 */
@CommandHandler(InviteGuardianLogin)
export class InviteGuardianLoginHandler implements ICommandHandler<InviteGuardianLogin> {
  constructor(
    @Inject(AggregateRepository) private readonly repository: AggregateRepository,
    @Inject(PersonalDataCipher) private readonly cipher: PersonalDataCipher,
    @Inject(OneTimeTokenStore) private readonly tokens: OneTimeTokenStore,
    @Inject(AccountReader) private readonly accounts: AccountReader,
    @Inject(MAILER) private readonly mailer: Mailer,
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ familyId, guardianId, email }: InviteGuardianLogin): Promise<{ expiresAt: string }> {
    const { state } = await this.repository.load(familyStream(familyId), familyDecider);
    if (state.status !== 'active') throw familyNotFound();
    const guardian = state.guardians[guardianId];
    if (!guardian) throw new NotFoundError('FAMILY.GUARDIAN_NOT_FOUND', 'Responsable introuvable.');
    // The logins themselves (identity's), not the families' read model that follows them.
    if (await this.accounts.guardianHasLogin(guardianId)) throw new ConflictError('FAMILY.GUARDIAN_HAS_LOGIN', 'Ce responsable a déjà son propre identifiant.');
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
}
