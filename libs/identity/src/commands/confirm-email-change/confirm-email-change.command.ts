import { Command } from '@nestjs/cqrs';

/** The link sent to the new address is opened (on any device: the token is the proof). */
export class ConfirmEmailChange extends Command<void> {
  constructor(readonly token: string) {
    super();
  }
}
