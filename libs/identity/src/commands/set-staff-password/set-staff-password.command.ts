import { Command } from '@nestjs/cqrs';

/** A new password chosen by an admin for a staff login (told to the person by hand). */
export class SetStaffPassword extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly password: string,
    readonly passwordConfirmation: string,
  ) {
    super();
  }
}
