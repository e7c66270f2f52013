import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateRepository, currentContext } from '#ardoise/commands';
import { NotFoundError, ValidationError } from '#ardoise/kernel';
import { familyStream } from '../../domain/family-events.js';
import { familyDecider } from '../../domain/family.decider.js';
import { guardianProblems } from '../../domain/family-rules.js';
import { PersonalDataCipher } from '../../privacy/personal-data-cipher.js';
import { guardianDetails } from '../../requests/guardian.input.js';
import { UpdateGuardian } from './update-guardian.command.js';

@CommandHandler(UpdateGuardian)
export class UpdateGuardianHandler implements ICommandHandler<UpdateGuardian> {
  constructor(
    @Inject(AggregateRepository) private readonly repository: AggregateRepository,
    @Inject(PersonalDataCipher) private readonly cipher: PersonalDataCipher,
  ) {}

  async execute({ familyId, guardianId, guardian }: UpdateGuardian): Promise<void> {
    // The rules depend on the guardian's rank (Responsable 1 must be reachable).
    const { state } = await this.repository.load(familyStream(familyId), familyDecider);
    const rank = state.guardians[guardianId]?.rank;
    if (!rank) throw new NotFoundError('FAMILY.GUARDIAN_NOT_FOUND', 'Responsable introuvable.');
    const details = guardianDetails(guardian);
    const errors = guardianProblems(details, rank, 'guardian').map((e) => ({ ...e, field: e.field.replace(/^guardian\./, '') }));
    if (errors.length > 0) throw new ValidationError(errors);
    await this.repository.handle(
      familyStream(familyId),
      familyDecider,
      { type: 'UpdateGuardian', familyId, guardianId, details: await this.cipher.seal(familyId, details) },
      currentContext(),
      { retriesOnConflict: 3 },
    );
  }
}
