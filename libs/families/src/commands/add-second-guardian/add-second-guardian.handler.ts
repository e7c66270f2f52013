import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateRepository, currentContext } from '#ardoise/commands';
import { familyStream } from '../../domain/family-events.js';
import { familyDecider } from '../../domain/family.decider.js';
import { PersonalDataCipher } from '../../privacy/personal-data-cipher.js';
import { guardianDetails } from '../../requests/guardian.input.js';
import { AddSecondGuardian } from './add-second-guardian.command.js';

@CommandHandler(AddSecondGuardian)
export class AddSecondGuardianHandler implements ICommandHandler<AddSecondGuardian> {
  constructor(
    @Inject(AggregateRepository) private readonly repository: AggregateRepository,
    @Inject(PersonalDataCipher) private readonly cipher: PersonalDataCipher,
  ) {}

  async execute({ familyId, guardian }: AddSecondGuardian): Promise<{ guardianId: string }> {
    const guardianId = randomUUID();
    const details = await this.cipher.seal(familyId, guardianDetails(guardian));
    await this.repository.handle(
      familyStream(familyId),
      familyDecider,
      { type: 'AddGuardian', familyId, guardian: { guardianId, rank: 2, details } },
      currentContext(),
      {
        retriesOnConflict: 3,
      },
    );
    return { guardianId };
  }
}
