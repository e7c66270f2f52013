import { Command } from '@nestjs/cqrs';
import type { OpenedSession } from '../activate-account/activate-account.command.js';

/** The invited guardian chooses a password from the link: their login is created and they are signed in. */
export class AcceptGuardianInvitation extends Command<OpenedSession> {
  constructor(
    readonly token: string,
    readonly password: string,
    readonly passwordConfirmation: string,
  ) {
    super();
  }
}
