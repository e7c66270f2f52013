import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import { AggregateRepository, currentContext } from '#ardoise/commands';
import { DATABASE } from '#ardoise/database';
import { FAMILY_PERSONAL_DATA, type FamilyPersonalData } from '../../privacy/family-personal-data.js';
import type { MessagingDatabase } from '../../projections/messaging-database.js';
import { authorOf, decideOnThread, writableThread } from '../../threads/thread-access.js';
import { PostRequestMessage } from './post-request-message.command.js';

@CommandHandler(PostRequestMessage)
export class PostRequestMessageHandler implements ICommandHandler<PostRequestMessage> {
  constructor(
    @Inject(AggregateRepository) private readonly repository: AggregateRepository,
    @Inject(FAMILY_PERSONAL_DATA) private readonly personalData: FamilyPersonalData,
    @Inject(DATABASE) private readonly db: Kysely<MessagingDatabase>,
  ) {}

  async execute(command: PostRequestMessage): Promise<{ messageId: string }> {
    const familyId = await writableThread(this.repository, command.requestId);
    const messageId = randomUUID();
    const body = await this.personalData.seal(familyId, command.body, this.db);
    await decideOnThread(this.repository, command.requestId, { type: 'PostMessage', messageId, body, author: authorOf(currentContext().actor) });
    return { messageId };
  }
}
