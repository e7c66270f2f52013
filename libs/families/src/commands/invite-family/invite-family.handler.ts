import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ActivationInvitations } from './activation-invitations.js';
import { InviteFamily } from './invite-family.command.js';

@CommandHandler(InviteFamily)
export class InviteFamilyHandler implements ICommandHandler<InviteFamily> {
  constructor(@Inject(ActivationInvitations) private readonly invitations: ActivationInvitations) {}

  execute({ contact }: InviteFamily): Promise<{ familyId: string; expiresAt: string }> {
    return this.invitations.send(randomUUID(), contact);
  }
}
