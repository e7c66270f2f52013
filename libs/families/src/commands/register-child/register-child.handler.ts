import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateRepository, CLOCK, currentContext, type Clock } from '#ardoise/commands';
import { familyStream } from '../../domain/family-events.js';
import { familyDecider } from '../../domain/family.decider.js';
import { PersonalDataCipher } from '../../privacy/personal-data-cipher.js';
import { checkedChild } from './checked-child.js';
import { RegisterChild } from './register-child.command.js';

@CommandHandler(RegisterChild)
export class RegisterChildHandler implements ICommandHandler<RegisterChild> {
  constructor(
    @Inject(AggregateRepository) private readonly repository: AggregateRepository,
    @Inject(PersonalDataCipher) private readonly cipher: PersonalDataCipher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ familyId, child }: RegisterChild): Promise<{ childId: string }> {
    const childId = randomUUID();
    const details = await checkedChild(child, familyId, this.clock, this.cipher);
    await this.repository.handle(familyStream(familyId), familyDecider, { type: 'RegisterChild', familyId, child: { childId, details } }, currentContext(), {
      retriesOnConflict: 3,
    });
    return { childId };
  }
}
