import { Inject, Injectable } from '@nestjs/common';
import { AggregateRepository, currentContext } from '#ardoise/commands';
import type { FamilyQuotient, QuotientUpdate } from '#ardoise/messaging';
import { familyStream } from '../../domain/family-events.js';
import { familyDecider } from '../../domain/family.decider.js';

/**
 * Records a family's quotient familial (`QuotientFamilialSet`): typed in the family file by
 * staff, or read from a QF proof request in "Mes demandes" (messaging's FAMILY_QUOTIENT port).
 */
@Injectable()
export class SetQuotientService implements FamilyQuotient {
  constructor(@Inject(AggregateRepository) private readonly repository: AggregateRepository) {}

  async set(familyId: string, quotient: QuotientUpdate): Promise<void> {
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
