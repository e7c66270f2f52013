import { Query } from '@nestjs/cqrs';
import type { ChildrenStepInput } from '../../requests/child.input.js';
import type { FamilyAccountStepInput } from '../../requests/family-account.input.js';
import type { GuardiansStepInput } from '../../requests/guardian.input.js';

export type ActivationStep =
  { step: 'family-account'; input: FamilyAccountStepInput } | { step: 'guardians'; input: GuardiansStepInput } | { step: 'children'; input: ChildrenStepInput };

/** One step of the account creation wizard, checked as the parent goes (nothing is stored until the end). */
export class CheckActivationStep extends Query<void> {
  constructor(
    readonly token: string,
    readonly step: ActivationStep,
  ) {
    super();
  }
}
