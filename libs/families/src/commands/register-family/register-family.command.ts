import { Command } from '@nestjs/cqrs';
import type { Account } from '#ardoise/identity';
import type { ChildInput } from '../../requests/child.input.js';
import type { GuardiansStepInput } from '../../requests/guardian.input.js';

export interface FamilyRegistration {
  familyName: string;
  /** The login (parent creating the account, or the seed); none when an agent runs the family offline. */
  login?: { email: string; password: string };
  contactEmail: string | null;
  guardians: GuardiansStepInput;
  children: ChildInput[];
  via: 'activation' | 'agent';
  /** The family id the invitation reserved (activation), else a new one. */
  familyId?: string;
  /** Consumed in the same transaction as the login is created. */
  activationToken?: string;
  /** Where the children sit in the request, for field errors. */
  childrenField?: string;
}

/** Create a family in one go, with its parent's login when it has one. */
export class RegisterFamily extends Command<{ familyId: string; account?: Account }> {
  constructor(readonly registration: FamilyRegistration) {
    super();
  }
}
