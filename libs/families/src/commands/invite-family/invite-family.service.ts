import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AggregateRepository, CLOCK, currentContext, type Clock } from '#ardoise/commands';
import { familyNotFound, OneTimeTokenStore } from '#ardoise/identity';
import { MAILER, type Mailer } from '#ardoise/messaging';
import { AppConfig } from '#ardoise/runtime';
import { ConflictError } from '#ardoise/kernel';
import { familyStream, type ActivationInvitationSent } from '../../domain/family-events.js';
import { familyDecider } from '../../domain/family.decider.js';
import type { InvitationContact } from '../../domain/personal-data.js';
import { PersonalDataCipher } from '../../privacy/personal-data-cipher.js';

/**
 * An agent invites a family to Ardoise: a family id is reserved, an activation link
 * (single-use, ACTIVATION_LINK_DAYS) is e-mailed. Resending kills the previous link.
 */
@Injectable()
export class InviteFamilyService {
  constructor(
    @Inject(AggregateRepository) private readonly repository: AggregateRepository,
    @Inject(PersonalDataCipher) private readonly cipher: PersonalDataCipher,
    @Inject(OneTimeTokenStore) private readonly tokens: OneTimeTokenStore,
    @Inject(MAILER) private readonly mailer: Mailer,
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async invite(contact: InvitationContact): Promise<{ familyId: string; expiresAt: string }> {
    return this.send(randomUUID(), contact);
  }

  async resend(familyId: string, email?: string | null): Promise<{ familyId: string; expiresAt: string }> {
    const { state, events } = await this.repository.load(familyStream(familyId), familyDecider);
    if (state.status === 'active') throw new ConflictError('FAMILY.ALREADY_ACTIVE', 'Cette famille a déjà créé son compte.');
    const last = events.filter((e) => e.type === 'ActivationInvitationSent').at(-1);
    if (state.status !== 'invited' || !last) throw familyNotFound();
    const previous = await this.cipher.open<InvitationContact>(familyId, (last.data as ActivationInvitationSent['data']).contact);
    if (!previous) throw familyNotFound();
    return this.send(familyId, { email: email ?? previous.email, familyName: previous.familyName });
  }

  private async send(familyId: string, contact: InvitationContact): Promise<{ familyId: string; expiresAt: string }> {
    const days = this.config.ACTIVATION_LINK_DAYS;
    const expiresAt = new Date(this.clock.now().getTime() + days * 86_400_000).toISOString();
    await this.repository.handle(
      familyStream(familyId),
      familyDecider,
      { type: 'InviteFamily', familyId, contact: await this.cipher.seal(familyId, contact), expiresAt },
      currentContext(),
      { retriesOnConflict: 2 },
    );
    const token = await this.tokens.issue('activation', familyId, days * 86_400, { familyId, email: contact.email, familyName: contact.familyName });
    await this.mailer.enqueue({
      to: contact.email,
      template: 'activation',
      data: { link: `${this.config.publicUrl}/activation/${token}`, expiresAt },
      familyId,
      dedupeKey: `activation:${createHash('sha256').update(token).digest('hex').slice(0, 32)}`,
    });
    return { familyId, expiresAt };
  }
}
