import { Command } from '@nestjs/cqrs';

export interface QuotientFromRequest {
  familyId: string;
  proofReference: string;
  messageId: string;
}

/** Staff read a family's QF proof and record its quotient familial from the request. */
export class TurnProofIntoQuotient extends Command<QuotientFromRequest> {
  constructor(
    readonly requestId: string,
    readonly amount: number,
    readonly validFrom: string,
    readonly validUntil: string,
  ) {
    super();
  }
}
