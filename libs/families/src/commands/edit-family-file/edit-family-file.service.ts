import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError, ValidationError } from '#ardoise/kernel';
import { AggregateRepository, CLOCK, currentContext, type Clock } from '#ardoise/commands';
import { familyStream } from '../../domain/family-events.js';
import { familyDecider, type FamilyCommand } from '../../domain/family.decider.js';
import { childProblems, guardianProblems, parisDay } from '../../domain/family-rules.js';
import { PersonalDataCipher } from '../../privacy/personal-data-cipher.js';
import { childDetails, type ChildInput } from '../inputs/child.input.js';
import { guardianDetails, type GuardianInput } from '../inputs/guardian.input.js';

/**
 * The family file, kept up to date by the parent (or an agent on the family's behalf):
 * Responsable 2, the guardians' details, the children. Ownership is checked by the controller.
 */
@Injectable()
export class EditFamilyFileService {
  constructor(
    @Inject(AggregateRepository) private readonly repository: AggregateRepository,
    @Inject(PersonalDataCipher) private readonly cipher: PersonalDataCipher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async addSecondGuardian(familyId: string, input: GuardianInput): Promise<{ guardianId: string }> {
    const guardianId = randomUUID();
    const details = await this.cipher.seal(familyId, guardianDetails(input));
    await this.handle({ type: 'AddGuardian', familyId, guardian: { guardianId, rank: 2, details } });
    return { guardianId };
  }

  async updateGuardian(familyId: string, guardianId: string, input: GuardianInput): Promise<void> {
    const { state } = await this.repository.load(familyStream(familyId), familyDecider);
    const rank = state.guardians[guardianId]?.rank;
    if (!rank) throw new NotFoundError('FAMILY.GUARDIAN_NOT_FOUND', 'Responsable introuvable.');
    const details = guardianDetails(input);
    const errors = guardianProblems(details, rank, 'guardian').map((e) => ({ ...e, field: e.field.replace(/^guardian\./, '') }));
    if (errors.length > 0) throw new ValidationError(errors);
    await this.handle({ type: 'UpdateGuardian', familyId, guardianId, details: await this.cipher.seal(familyId, details) });
  }

  async registerChild(familyId: string, input: ChildInput): Promise<{ childId: string }> {
    const childId = randomUUID();
    await this.handle({ type: 'RegisterChild', familyId, child: { childId, details: await this.checkedChild(familyId, input) } });
    return { childId };
  }

  async updateChild(familyId: string, childId: string, input: ChildInput): Promise<void> {
    await this.handle({ type: 'UpdateChild', familyId, childId, details: await this.checkedChild(familyId, input) });
  }

  async removeChild(familyId: string, childId: string): Promise<void> {
    await this.handle({ type: 'RemoveChild', familyId, childId });
  }

  private async checkedChild(familyId: string, input: ChildInput) {
    const details = childDetails(input);
    const errors = childProblems(details, parisDay(this.clock.now()), 'child').map((e) => ({ ...e, field: e.field.replace(/^child\./, '') }));
    if (errors.length > 0) throw new ValidationError(errors);
    return this.cipher.seal(familyId, details);
  }

  private async handle(command: FamilyCommand): Promise<void> {
    await this.repository.handle(familyStream(command.familyId), familyDecider, command, currentContext(), { retriesOnConflict: 3 });
  }
}
