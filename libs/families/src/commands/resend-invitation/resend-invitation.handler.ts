import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateRepository } from '#ardoise/commands';
import { familyNotFound } from '#ardoise/identity';
import { ConflictError } from '#ardoise/kernel';
import { familyStream, type ActivationInvitationSent } from '../../domain/family-events.js';
import { familyDecider } from '../../domain/family.decider.js';
import type { InvitationContact } from '../../domain/personal-data.js';
import { PersonalDataCipher } from '../../privacy/personal-data-cipher.js';
import { ActivationInvitations } from '../invite-family/activation-invitations.js';
import { ResendInvitation } from './resend-invitation.command.js';

@CommandHandler(ResendInvitation)
export class ResendInvitationHandler implements ICommandHandler<ResendInvitation> {
  constructor(
    @Inject(AggregateRepository) private readonly repository: AggregateRepository,
    @Inject(PersonalDataCipher) private readonly cipher: PersonalDataCipher,
    @Inject(ActivationInvitations) private readonly invitations: ActivationInvitations,
  ) {}

  async execute({ familyId, email }: ResendInvitation): Promise<{ familyId: string; expiresAt: string }> {
    const { state, events } = await this.repository.load(familyStream(familyId), familyDecider);
    if (state.status === 'active') throw new ConflictError('FAMILY.ALREADY_ACTIVE', 'Cette famille a déjà créé son compte.');
    const last = events.filter((e) => e.type === 'ActivationInvitationSent').at(-1);
    if (state.status !== 'invited' || !last) throw familyNotFound();
    // The contact as last sent: the family name it pre-fills, the address unless corrected.
    const previous = await this.cipher.open<InvitationContact>(familyId, (last.data as ActivationInvitationSent['data']).contact);
    if (!previous) throw familyNotFound();
    return this.invitations.send(familyId, { email: email ?? previous.email, familyName: previous.familyName });
  }
}
