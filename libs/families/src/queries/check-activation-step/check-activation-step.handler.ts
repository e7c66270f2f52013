import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ValidationError, type FieldError } from '#ardoise/kernel';
import { OneTimeTokenStore } from '#ardoise/identity';
import { RegistrationChecks } from '../../registration/registration-checks.js';
import { CheckActivationStep, type ActivationStep } from './check-activation-step.query.js';

/** Answers nothing when the step is right, else the step's field errors (400); the link must still be valid. */
@QueryHandler(CheckActivationStep)
export class CheckActivationStepHandler implements IQueryHandler<CheckActivationStep> {
  constructor(
    @Inject(OneTimeTokenStore) private readonly tokens: OneTimeTokenStore,
    @Inject(RegistrationChecks) private readonly checks: RegistrationChecks,
  ) {}

  async execute({ token, step }: CheckActivationStep): Promise<void> {
    await this.tokens.peek('activation', token);
    const errors = await this.problems(step);
    if (errors.length > 0) throw new ValidationError(errors);
  }

  private async problems({ step, input }: ActivationStep): Promise<FieldError[]> {
    switch (step) {
      case 'family-account':
        return this.checks.accountProblems(input);
      case 'guardians':
        return this.checks.guardiansProblems(input);
      case 'children':
        return this.checks.childrenProblems(input.children);
    }
  }
}
