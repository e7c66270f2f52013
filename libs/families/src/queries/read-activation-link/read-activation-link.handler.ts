import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ActivationLink } from '#ardoise/contracts';
import { OneTimeTokenStore } from '#ardoise/identity';
import { ReadActivationLink } from './read-activation-link.query.js';

@QueryHandler(ReadActivationLink)
export class ReadActivationLinkHandler implements IQueryHandler<ReadActivationLink> {
  constructor(@Inject(OneTimeTokenStore) private readonly tokens: OneTimeTokenStore) {}

  async execute({ token }: ReadActivationLink): Promise<ActivationLink> {
    const { payload } = await this.tokens.peek('activation', token);
    return { email: String(payload.email), familyName: (payload.familyName as string | null) ?? null };
  }
}
