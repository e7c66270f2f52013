import { Command } from '@nestjs/cqrs';

/** A message in a thread (a staff reply is e-mailed to the family). */
export class PostRequestMessage extends Command<{ messageId: string }> {
  constructor(
    readonly requestId: string,
    readonly body: string,
  ) {
    super();
  }
}
