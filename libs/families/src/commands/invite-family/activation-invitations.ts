import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AggregateRepository, CLOCK, currentContext, type Clock } from '#ardoise/commands';
import { OneTimeTokenStore } from '#ardoise/identity';
import { AppConfig, MAILER, type Mailer } from '#ardoise/runtime';
import { familyStream } from '../../domain/family-events.js';
import { familyDecider } from '../../domain/family.decider.js';
import type { InvitationContact } from '../../domain/personal-data.js';
import { PersonalDataCipher } from '../../privacy/personal-data-cipher.js';

/**
 * Sends a family its activation e-mail: records the invitation on the family's stream, issues
 * a single-use link (ACTIVATION_LINK_DAYS) that replaces the previous one, and e-mails it.
 * Shared by the first invitation and its resending.
 */
@Injectable()
export class ActivationInvitations {
  constructor(
    @Inject(AggregateRepository) private readonly repository: AggregateRepository,
    @Inject(PersonalDataCipher) private readonly cipher: PersonalDataCipher,
    @Inject(OneTimeTokenStore) private readonly tokens: OneTimeTokenStore,
    @Inject(MAILER) private readonly mailer: Mailer,
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async send(familyId: string, contact: InvitationContact): Promise<{ familyId: string; expiresAt: string }> {
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
