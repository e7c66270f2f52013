import { Command } from '@nestjs/cqrs';
import type { GuardianInput } from '../../requests/guardian.input.js';

/** Add Responsable 2 to the family file. */
export class AddSecondGuardian extends Command<{ guardianId: string }> {
  constructor(
    readonly familyId: string,
    readonly guardian: GuardianInput,
  ) {
    super();
  }
}
