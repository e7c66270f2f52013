import { Command } from '@nestjs/cqrs';
import type { GuardianInput } from '../../requests/guardian.input.js';

/** Change a guardian's details. */
export class UpdateGuardian extends Command<void> {
  constructor(
    readonly familyId: string,
    readonly guardianId: string,
    readonly guardian: GuardianInput,
  ) {
    super();
  }
}
