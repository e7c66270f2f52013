import { Command } from '@nestjs/cqrs';

/** A file joined to a thread: PDF, JPEG, PNG or HEIC, recognised by its content. */
export class AddRequestAttachment extends Command<{ attachmentId: string; sha256: string; mediaType: string; size: number }> {
  constructor(
    readonly requestId: string,
    readonly content: Uint8Array,
    readonly originalName: string | undefined,
  ) {
    super();
  }
}
