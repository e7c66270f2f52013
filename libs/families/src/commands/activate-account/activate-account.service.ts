import { Inject, Injectable } from '@nestjs/common';
import { ValidationError, type FieldError } from '#ardoise/kernel';
import { OneTimeTokenStore, SessionStore, signedIn, type SignedIn } from '#ardoise/identity';
import type { ChildrenStepInput } from '../inputs/child.input.js';
import type { FamilyAccountStepInput } from '../inputs/family-account.input.js';
import type { GuardiansStepInput } from '../inputs/guardian.input.js';
import { RegisterFamilyService } from '../register-family/register-family.service.js';
import type { ActivationRequest } from './activation.request.js';

export interface ActivationLink {
  email: string;
  familyName: string | null;
}

/**
 * The three-step account creation of the guide (1.2). Each step is checked on the server
 * as the parent goes (nothing is stored until the end); the last call re-checks everything,
 * uses the link, creates the family and its login, and opens the parent's session.
 */
@Injectable()
export class ActivateAccountService {
  constructor(
    @Inject(OneTimeTokenStore) private readonly tokens: OneTimeTokenStore,
    @Inject(RegisterFamilyService) private readonly registration: RegisterFamilyService,
    @Inject(SessionStore) private readonly sessions: SessionStore,
  ) {}

  async link(token: string): Promise<ActivationLink> {
    const { payload } = await this.tokens.peek('activation', token);
    return { email: String(payload.email), familyName: (payload.familyName as string | null) ?? null };
  }

  async checkAccount(token: string, input: FamilyAccountStepInput): Promise<void> {
    await this.link(token);
    fail(await this.registration.accountProblems(input));
  }

  async checkGuardians(token: string, input: GuardiansStepInput): Promise<void> {
    await this.link(token);
    fail(this.registration.guardiansProblems(input));
  }

  async checkChildren(token: string, input: ChildrenStepInput): Promise<void> {
    await this.link(token);
    fail(this.registration.childrenProblems(input.children));
  }

  async complete(token: string, request: ActivationRequest): Promise<{ signedIn: SignedIn; session: { token: string; csrfToken: string } }> {
    const { subject: familyId } = await this.tokens.peek('activation', token);
    fail([
      ...(await this.registration.accountProblems(request.account, 'account')),
      ...this.registration.guardiansProblems(request.guardians, 'guardians'),
      ...this.registration.childrenProblems(request.children.children, 'children.children'),
    ]);
    const { account } = await this.registration.register({
      familyId,
      familyName: request.account.familyName,
      contactEmail: request.account.email,
      login: { email: request.account.email, password: request.account.password },
      guardians: request.guardians,
      children: request.children.children,
      via: 'activation',
      activationToken: token,
      childrenField: 'children.children',
    });
    const session = await this.sessions.open(account!.id);
    return { signedIn: signedIn(account!), session };
  }
}

function fail(errors: FieldError[]): void {
  if (errors.length > 0) throw new ValidationError(errors);
}
