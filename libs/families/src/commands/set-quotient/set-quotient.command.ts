import { Command } from '@nestjs/cqrs';
import type { QuotientUpdate } from '#ardoise/messaging';

/** Record a family's quotient familial (CAF/MSA): amount, validity, the proof's reference. */
export class SetQuotient extends Command<void> {
  constructor(
    readonly familyId: string,
    readonly quotient: QuotientUpdate,
  ) {
    super();
  }
}
