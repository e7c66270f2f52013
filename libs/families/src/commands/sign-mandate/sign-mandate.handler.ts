import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateRepository, currentContext } from '#ardoise/commands';
import type { DebtorAccount } from '../../domain/bank-account.js';
import { familyStream } from '../../domain/family-events.js';
import { familyDecider } from '../../domain/family.decider.js';
import { PersonalDataCipher } from '../../privacy/personal-data-cipher.js';
import { SignMandate } from './sign-mandate.command.js';

@CommandHandler(SignMandate)
export class SignMandateHandler implements ICommandHandler<SignMandate> {
  constructor(
    @Inject(AggregateRepository) private readonly repository: AggregateRepository,
    @Inject(PersonalDataCipher) private readonly cipher: PersonalDataCipher,
  ) {}

  async execute({ familyId, mandateReference, signedOn, iban, bic }: SignMandate): Promise<void> {
    // The IBAN is personal data: sealed with the family's key, readable until the family is forgotten.
    const debtorAccount = await this.cipher.seal<DebtorAccount>(familyId, { iban, bic });
    await this.repository.handle(
      familyStream(familyId),
      familyDecider,
      { type: 'SignMandate', familyId, mandateReference, signedOn, debtorAccount },
      currentContext(),
      {
        retriesOnConflict: 3,
      },
    );
  }
}
