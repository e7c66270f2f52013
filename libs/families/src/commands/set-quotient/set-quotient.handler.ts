import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateRepository, currentContext } from '#ardoise/commands';
import { familyStream } from '../../domain/family-events.js';
import { familyDecider } from '../../domain/family.decider.js';
import { SetQuotient } from './set-quotient.command.js';

/**
 * Records a family's quotient familial (`QuotientFamilialSet`): typed in the family file by
 * staff, or read from a QF proof request in "Mes demandes" (messaging's FAMILY_QUOTIENT port).
 */
@CommandHandler(SetQuotient)
export class SetQuotientHandler implements ICommandHandler<SetQuotient> {
  constructor(@Inject(AggregateRepository) private readonly repository: AggregateRepository) {}

  async execute({ familyId, quotient }: SetQuotient): Promise<void> {
    await this.repository.handle(
      familyStream(familyId),
      familyDecider,
      {
        type: 'SetQuotient',
        familyId,
        amount: quotient.amount,
        validFrom: quotient.validFrom,
        validUntil: quotient.validUntil,
        proofReference: quotient.proofReference,
      },
      currentContext(),
      { retriesOnConflict: 3 },
    );
  }
}
