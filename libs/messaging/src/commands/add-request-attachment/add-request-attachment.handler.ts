import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import { AggregateRepository, currentContext } from '#ardoise/commands';
import { DATABASE } from '#ardoise/database';
import { acceptedMediaType, cleanFileName } from '../../attachments/attachment-rules.js';
import { AttachmentStore, sha256Of } from '../../attachments/attachment-store.js';
import { FAMILY_PERSONAL_DATA, type FamilyPersonalData } from '../../privacy/family-personal-data.js';
import type { MessagingDatabase } from '../../projections/messaging-database.js';
import { authorOf, decideOnThread, writableThread } from '../../threads/thread-access.js';
import { AddRequestAttachment } from './add-request-attachment.command.js';

@CommandHandler(AddRequestAttachment)
export class AddRequestAttachmentHandler implements ICommandHandler<AddRequestAttachment> {
  constructor(
    @Inject(AggregateRepository) private readonly repository: AggregateRepository,
    @Inject(AttachmentStore) private readonly attachments: AttachmentStore,
    @Inject(FAMILY_PERSONAL_DATA) private readonly personalData: FamilyPersonalData,
    @Inject(DATABASE) private readonly db: Kysely<MessagingDatabase>,
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
      await decideOnThread(this.repository, command.requestId, {
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
