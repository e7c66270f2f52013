import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import { AggregateRepository, currentContext } from '#ardoise/commands';
import { DATABASE } from '#ardoise/database';
import { assertCanWriteFamily } from '#ardoise/identity';
import { acceptedMediaType } from '../../attachments/attachment-rules.js';
import { FAMILY_PERSONAL_DATA, type FamilyPersonalData } from '../../privacy/family-personal-data.js';
import type { MessagingDatabase } from '../../projections/messaging-database.js';
import { authorOf, decideOnThread } from '../../threads/thread-access.js';
import { AddRequestAttachment } from '../add-request-attachment/add-request-attachment.command.js';
import { OpenRequest } from './open-request.command.js';

@CommandHandler(OpenRequest)
export class OpenRequestHandler implements ICommandHandler<OpenRequest> {
  constructor(
    @Inject(AggregateRepository) private readonly repository: AggregateRepository,
    @Inject(FAMILY_PERSONAL_DATA) private readonly personalData: FamilyPersonalData,
    @Inject(DATABASE) private readonly db: Kysely<MessagingDatabase>,
    @Inject(CommandBus) private readonly commands: CommandBus,
  ) {}

  async execute(command: OpenRequest): Promise<{ requestId: string; attachmentId?: string }> {
    // The file is judged before anything is written: a refused file leaves no request without it.
    if (command.file) await acceptedMediaType(command.file.content);
    const actor = currentContext().actor;
    assertCanWriteFamily(command.familyId, actor);
    const requestId = randomUUID();
    await decideOnThread(this.repository, requestId, {
      type: 'OpenRequest',
      request: {
        requestId,
        familyId: command.familyId,
        topic: command.topic,
        subject: await this.personalData.seal(command.familyId, command.subject, this.db),
        messageId: randomUUID(),
        body: await this.personalData.seal(command.familyId, command.body, this.db),
        author: authorOf(actor),
      },
    });
    if (!command.file) return { requestId };
    const { content, originalName } = command.file;
    const { attachmentId } = await this.commands.execute(new AddRequestAttachment(requestId, content, originalName));
    return { requestId, attachmentId };
  }
}
