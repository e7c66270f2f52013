import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { assertCanReadFamily } from '#ardoise/identity';
import { AttachmentStore, type StoredAttachment } from '../../attachments/attachment-store.js';
import { requestNotFound } from '../../domain/request.decider.js';
import { ownFamily } from '../../threads/thread-access.js';
import { DownloadRequestAttachment } from './download-request-attachment.query.js';

@QueryHandler(DownloadRequestAttachment)
export class DownloadRequestAttachmentHandler implements IQueryHandler<DownloadRequestAttachment> {
  constructor(@Inject(AttachmentStore) private readonly attachments: AttachmentStore) {}

  async execute({ requestId, attachmentId }: DownloadRequestAttachment): Promise<StoredAttachment & { content: Buffer }> {
    const file = await this.attachments.find(requestId, attachmentId);
    const family = ownFamily();
    if (!file || (family !== undefined && file.familyId !== family)) throw requestNotFound();
    assertCanReadFamily(file.familyId);
    return file;
  }
}
