import { Command } from '@nestjs/cqrs';
import type { RequestTopic } from '../domain/request-events.js';

export class OpenRequest extends Command<{ requestId: string }> {
  constructor(
    readonly familyId: string,
    readonly topic: RequestTopic,
    readonly subject: string,
    readonly body: string,
  ) {
    super();
  }
}

export class PostRequestMessage extends Command<{ messageId: string }> {
  constructor(
    readonly requestId: string,
    readonly body: string,
  ) {
    super();
  }
}

export class AddRequestAttachment extends Command<{ attachmentId: string; sha256: string; mediaType: string; size: number }> {
  constructor(
    readonly requestId: string,
    readonly content: Uint8Array,
    readonly originalName: string | undefined,
  ) {
    super();
  }
}

export class CloseRequest extends Command<void> {
  constructor(readonly requestId: string) {
    super();
  }
}

export class ReopenRequest extends Command<void> {
  constructor(readonly requestId: string) {
    super();
  }
}
