import { Command } from '@nestjs/cqrs';

/** A thread closed (it may be reopened). */
export class CloseRequest extends Command<void> {
  constructor(readonly requestId: string) {
    super();
  }
}
