import { Command } from '@nestjs/cqrs';

/** Record a signed SEPA direct debit mandate, with the account it debits. */
export class SignMandate extends Command<void> {
  constructor(
    readonly familyId: string,
    readonly mandateReference: string,
    readonly signedOn: string,
    readonly iban: string,
    readonly bic: string | null,
  ) {
    super();
  }
}
