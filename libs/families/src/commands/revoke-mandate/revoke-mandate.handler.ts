import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateRepository, currentContext } from '#ardoise/commands';
import { familyStream } from '../../domain/family-events.js';
import { familyDecider } from '../../domain/family.decider.js';
import { RevokeMandate } from './revoke-mandate.command.js';

@CommandHandler(RevokeMandate)
export class RevokeMandateHandler implements ICommandHandler<RevokeMandate> {
  constructor(@Inject(AggregateRepository) private readonly repository: AggregateRepository) {}

  async execute({ familyId, revokedOn }: RevokeMandate): Promise<void> {
    await this.repository.handle(familyStream(familyId), familyDecider, { type: 'RevokeMandate', familyId, revokedOn }, currentContext(), {
      retriesOnConflict: 3,
    });
  }
}
