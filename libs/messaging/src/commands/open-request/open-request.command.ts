import { Command } from '@nestjs/cqrs';
import type { RequestTopic } from '../../domain/request-events.js';

/** A file sent with the first message. */
export interface FirstAttachment {
  content: Uint8Array;
  originalName: string | undefined;
}

/** A new thread of "Mes demandes", opened by a family or by staff for a family, with its file if any (all or nothing). */
export class OpenRequest extends Command<{ requestId: string; attachmentId?: string }> {
  constructor(
    readonly familyId: string,
    readonly topic: RequestTopic,
    readonly subject: string,
    readonly body: string,
    readonly file: FirstAttachment | null = null,
  ) {
    super();
  }
}
