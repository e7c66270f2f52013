import { Command } from '@nestjs/cqrs';

/** Revoke the family's direct debit mandate from a day on. */
export class RevokeMandate extends Command<void> {
  constructor(
    readonly familyId: string,
    readonly revokedOn: string,
  ) {
    super();
  }
}
