import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateRepository, CLOCK, currentContext, type Clock } from '#ardoise/commands';
import { familyStream } from '../../domain/family-events.js';
import { familyDecider } from '../../domain/family.decider.js';
import { PersonalDataCipher } from '../../privacy/personal-data-cipher.js';
import { checkedChild } from '../register-child/checked-child.js';
import { UpdateChild } from './update-child.command.js';

@CommandHandler(UpdateChild)
export class UpdateChildHandler implements ICommandHandler<UpdateChild> {
  constructor(
    @Inject(AggregateRepository) private readonly repository: AggregateRepository,
    @Inject(PersonalDataCipher) private readonly cipher: PersonalDataCipher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ familyId, childId, child }: UpdateChild): Promise<void> {
    const details = await checkedChild(child, familyId, this.clock, this.cipher);
    await this.repository.handle(familyStream(familyId), familyDecider, { type: 'UpdateChild', familyId, childId, details }, currentContext(), {
      retriesOnConflict: 3,
    });
  }
}
