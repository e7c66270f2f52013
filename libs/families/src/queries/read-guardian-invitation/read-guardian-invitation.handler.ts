import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { OneTimeTokenStore } from '#ardoise/identity';
import { ReadGuardianInvitation } from './read-guardian-invitation.query.js';

@QueryHandler(ReadGuardianInvitation)
export class ReadGuardianInvitationHandler implements IQueryHandler<ReadGuardianInvitation> {
  constructor(@Inject(OneTimeTokenStore) private readonly tokens: OneTimeTokenStore) {}

  async execute({ token }: ReadGuardianInvitation): Promise<{ email: string }> {
    const { payload } = await this.tokens.peek('guardian-invitation', token);
    return { email: String(payload.email) };
  }
}
