import { Command } from '@nestjs/cqrs';

/** A new password chosen from a reset link (the token it carries). */
export class ResetPassword extends Command<void> {
  constructor(
    readonly token: string,
    readonly password: string,
    readonly passwordConfirmation: string,
  ) {
    super();
  }
}
