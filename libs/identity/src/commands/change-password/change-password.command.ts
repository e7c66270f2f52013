import { Command } from '@nestjs/cqrs';
import type { Session } from '../../sessions/session-store.js';

/** The signed-in person changes their password; the session they do it from stays open. */
export class ChangePassword extends Command<void> {
  constructor(
    readonly session: Session,
    readonly currentPassword: string,
    readonly newPassword: string,
    readonly newPasswordConfirmation: string,
  ) {
    super();
  }
}
