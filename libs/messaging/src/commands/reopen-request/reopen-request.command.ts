import { Command } from '@nestjs/cqrs';

/** A closed thread opened again. */
export class ReopenRequest extends Command<void> {
  constructor(readonly requestId: string) {
    super();
  }
}
