import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '#ardoise/commands';
import type { FieldError } from '#ardoise/kernel';
import { AccountReader, passwordPolicyMessage, passwordProblems } from '#ardoise/identity';
import { childProblems, guardianProblems, parisDay } from '../domain/family-rules.js';
import { childDetails, type ChildInput } from '../requests/child.input.js';
import type { FamilyAccountStepInput } from '../requests/family-account.input.js';
import { guardianDetails, type GuardiansStepInput } from '../requests/guardian.input.js';

/**
 * The rules of the three steps of account creation, each answered as field errors: checked
 * step by step while the parent goes through the wizard, and all together when a family is
 * registered. `field` is where the step sits in the request, for the errors' paths.
 */
@Injectable()
export class RegistrationChecks {
  constructor(
    @Inject(AccountReader) private readonly accounts: AccountReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Step 1's own rules: password policy, confirmation, a login e-mail nobody uses yet. */
  async accountProblems(input: FamilyAccountStepInput, field = ''): Promise<FieldError[]> {
    const at = (name: string) => (field ? `${field}.${name}` : name);
    const errors: FieldError[] = [];
    const problems = passwordProblems(input.password);
    if (problems.length > 0) errors.push({ field: at('password'), messages: [passwordPolicyMessage(problems)] });
    if (input.password !== input.passwordConfirmation) {
      errors.push({ field: at('passwordConfirmation'), messages: ['Les deux mots de passe ne sont pas identiques.'] });
    }
    if (await this.accounts.emailInUse(input.email)) {
      errors.push({ field: at('email'), messages: ['Cette adresse e-mail est déjà utilisée pour un autre compte.'] });
    }
    return errors;
  }

  guardiansProblems(input: GuardiansStepInput, field = ''): FieldError[] {
    const at = (name: string) => (field ? `${field}.${name}` : name);
    return [
      ...guardianProblems(guardianDetails(input.responsable1), 1, at('responsable1')),
      ...(input.responsable2 ? guardianProblems(guardianDetails(input.responsable2), 2, at('responsable2')) : []),
    ];
  }

  childrenProblems(children: ChildInput[], field = 'children'): FieldError[] {
    const today = parisDay(this.clock.now());
    return children.flatMap((child, index) => childProblems(childDetails(child), today, `${field}.${index}`));
  }
}
