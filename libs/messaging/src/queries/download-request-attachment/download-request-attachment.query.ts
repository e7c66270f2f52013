import { Query } from '@nestjs/cqrs';
import type { StoredAttachment } from '../../attachments/attachment-store.js';

/** A file of a thread with its bytes (the family and staff only; another family's answers 404). */
export class DownloadRequestAttachment extends Query<StoredAttachment & { content: Buffer }> {
  constructor(
    readonly requestId: string,
    readonly attachmentId: string,
  ) {
    super();
  }
}
