import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import { AggregateRepository, currentContext, type Actor } from '#ardoise/commands';
import { DATABASE } from '#ardoise/database';
import { assertCanWriteFamily } from '#ardoise/identity';
import { requestStream, type RequestAuthor } from '../domain/request-events.js';
import { requestDecider, requestNotFound, type RequestCommand } from '../domain/request.decider.js';
import { acceptedMediaType, cleanFileName } from '../attachments/attachment-rules.js';
import { AttachmentStore, sha256Of } from '../attachments/attachment-store.js';
import { FAMILY_PERSONAL_DATA, type FamilyPersonalData } from '../../privacy/family-personal-data.js';
import { AddRequestAttachment, CloseRequest, OpenRequest, PostRequestMessage, ReopenRequest } from './request-commands.js';

const authorOf = (actor: Actor): RequestAuthor => (actor.role === 'parent' ? 'family' : 'staff');

/**
 * Loads the thread and checks who may write to it: its family, or staff on its behalf. Another
 * family's thread answers 404, as if it did not exist.
 */
async function writableThread(repository: AggregateRepository, requestId: string): Promise<string> {
  const { state } = await repository.load(requestStream(requestId), requestDecider);
  if (!state.opened) throw requestNotFound();
  const actor = currentContext().actor;
  if (actor.role === 'parent' && actor.familyId !== state.familyId) throw requestNotFound();
  assertCanWriteFamily(state.familyId, actor);
  return state.familyId;
}

async function handle(repository: AggregateRepository, requestId: string, command: RequestCommand): Promise<void> {
  await repository.handle(requestStream(requestId), requestDecider, command, currentContext(), { retriesOnConflict: 3 });
}

@CommandHandler(OpenRequest)
export class OpenRequestHandler implements ICommandHandler<OpenRequest> {
  constructor(
    @Inject(AggregateRepository) private readonly repository: AggregateRepository,
    @Inject(FAMILY_PERSONAL_DATA) private readonly personalData: FamilyPersonalData,
    @Inject(DATABASE) private readonly db: Kysely<any>,
  ) {}

  async execute(command: OpenRequest): Promise<{ requestId: string }> {
    const actor = currentContext().actor;
    assertCanWriteFamily(command.familyId, actor);
    const requestId = randomUUID();
    await handle(this.repository, requestId, {
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
    return { requestId };
  }
}

@CommandHandler(PostRequestMessage)
export class PostRequestMessageHandler implements ICommandHandler<PostRequestMessage> {
  constructor(
    @Inject(AggregateRepository) private readonly repository: AggregateRepository,
    @Inject(FAMILY_PERSONAL_DATA) private readonly personalData: FamilyPersonalData,
    @Inject(DATABASE) private readonly db: Kysely<any>,
  ) {}

  async execute(command: PostRequestMessage): Promise<{ messageId: string }> {
    const familyId = await writableThread(this.repository, command.requestId);
    const messageId = randomUUID();
    const body = await this.personalData.seal(familyId, command.body, this.db);
    await handle(this.repository, command.requestId, { type: 'PostMessage', messageId, body, author: authorOf(currentContext().actor) });
    return { messageId };
  }
}

@CommandHandler(AddRequestAttachment)
export class AddRequestAttachmentHandler implements ICommandHandler<AddRequestAttachment> {
  constructor(
    @Inject(AggregateRepository) private readonly repository: AggregateRepository,
    @Inject(AttachmentStore) private readonly attachments: AttachmentStore,
    @Inject(FAMILY_PERSONAL_DATA) private readonly personalData: FamilyPersonalData,
    @Inject(DATABASE) private readonly db: Kysely<any>,
  ) {}

  async execute(command: AddRequestAttachment) {
    const familyId = await writableThread(this.repository, command.requestId);
    const mediaType = await acceptedMediaType(command.content);
    const attachment = {
      id: randomUUID(),
      familyId,
      requestId: command.requestId,
      fileName: cleanFileName(command.originalName, mediaType),
      mediaType,
      size: command.content.byteLength,
      sha256: sha256Of(command.content),
    };
    // The bytes first, then the fact: an event never points at a file that is not stored.
    await this.attachments.save(attachment, command.content);
    try {
      await handle(this.repository, command.requestId, {
        type: 'AddAttachment',
        attachment: {
          attachmentId: attachment.id,
          fileName: await this.personalData.seal(familyId, attachment.fileName, this.db),
          mediaType,
          size: attachment.size,
          sha256: attachment.sha256,
          author: authorOf(currentContext().actor),
        },
      });
    } catch (error) {
      await this.attachments.discard(attachment.id);
      throw error;
    }
    return { attachmentId: attachment.id, sha256: attachment.sha256, mediaType, size: attachment.size };
  }
}

@CommandHandler(CloseRequest)
export class CloseRequestHandler implements ICommandHandler<CloseRequest> {
  constructor(@Inject(AggregateRepository) private readonly repository: AggregateRepository) {}

  async execute(command: CloseRequest): Promise<void> {
    await writableThread(this.repository, command.requestId);
    await handle(this.repository, command.requestId, { type: 'CloseRequest', author: authorOf(currentContext().actor) });
  }
}

@CommandHandler(ReopenRequest)
export class ReopenRequestHandler implements ICommandHandler<ReopenRequest> {
  constructor(@Inject(AggregateRepository) private readonly repository: AggregateRepository) {}

  async execute(command: ReopenRequest): Promise<void> {
    await writableThread(this.repository, command.requestId);
    await handle(this.repository, command.requestId, { type: 'ReopenRequest', author: authorOf(currentContext().actor) });
  }
}

export const REQUEST_COMMAND_HANDLERS = [OpenRequestHandler, PostRequestMessageHandler, AddRequestAttachmentHandler, CloseRequestHandler, ReopenRequestHandler];
