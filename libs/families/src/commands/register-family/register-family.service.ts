import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { ValidationError, type FieldError } from '#ardoise/kernel';
import { AggregateRepository, CLOCK, currentContext, idempotentId, type Clock } from '#ardoise/commands';
import { DATABASE, TransactionalAppendGate } from '#ardoise/database';
import { AccountStore, accountStream, OneTimeTokenStore, passwordPolicyMessage, passwordProblems, type Account, type AccountCreated } from '#ardoise/identity';
import { familyStream } from '../../domain/family-events.js';
import { familyDecider, type NewGuardian } from '../../domain/family.decider.js';
import { childProblems, guardianProblems, parisDay } from '../../domain/family-rules.js';
import type { FamilyIdentity } from '../../domain/personal-data.js';
import { PersonalDataCipher } from '../../privacy/personal-data-cipher.js';
import { childDetails, type ChildInput } from '../inputs/child.input.js';
import type { FamilyAccountStepInput } from '../inputs/family-account.input.js';
import { guardianDetails, type GuardiansStepInput } from '../inputs/guardian.input.js';

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

/**
 * Creates a family in one go: FamilyAccountCreated, GuardianAdded (R1, R2), ChildRegistered,
 * and, when there is one, the parent's login. Used by the activation wizard's last step, by
 * an agent creating a family that has no internet, and by the demo seed.
 */
@Injectable()
export class RegisterFamilyService {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<any>,
    @Inject(AggregateRepository) private readonly repository: AggregateRepository,
    @Inject(PersonalDataCipher) private readonly cipher: PersonalDataCipher,
    @Inject(AccountStore) private readonly accounts: AccountStore,
    @Inject(OneTimeTokenStore) private readonly tokens: OneTimeTokenStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(TransactionalAppendGate) private readonly gate: TransactionalAppendGate,
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

  async register(registration: FamilyRegistration): Promise<{ familyId: string; account?: Account }> {
    const errors = [
      ...this.guardiansProblems(registration.guardians, 'guardians'),
      ...this.childrenProblems(registration.children, registration.childrenField ?? 'children'),
    ];
    if (errors.length > 0) throw new ValidationError(errors);

    // Keyed by the request's Idempotency-Key when it has one: a retried registration finds its family instead of making a twin.
    const familyId = registration.familyId ?? idempotentId('family');
    const identity: FamilyIdentity = { familyName: registration.familyName, email: registration.contactEmail };
    const r1 = guardianDetails(registration.guardians.responsable1);
    const guardians: NewGuardian[] = [{ guardianId: randomUUID(), rank: 1 as const, details: await this.cipher.seal(familyId, r1) }];
    if (registration.guardians.responsable2) {
      guardians.push({ guardianId: randomUUID(), rank: 2, details: await this.cipher.seal(familyId, guardianDetails(registration.guardians.responsable2)) });
    }
    const children = await Promise.all(
      registration.children.map(async (child) => ({ childId: randomUUID(), details: await this.cipher.seal(familyId, childDetails(child)) })),
    );
    const sealedIdentity = await this.cipher.seal(familyId, identity);
    const context = currentContext();
    if (registration.via === 'agent' && ['agent', 'admin'].includes(context.actor.role)) {
      context.actor.onBehalfOfFamilyId = familyId; // recorded in every event's metadata
    }

    // The gate: this transaction appends before it commits (see TransactionalAppendGate).
    const account = await this.gate.run(() => this.db.transaction().execute(async (trx) => {
      if (registration.activationToken) await this.tokens.consume('activation', registration.activationToken, trx);
      let created: Account | undefined;
      if (registration.login) {
        created = await this.accounts.create(
          {
            email: registration.login.email,
            password: registration.login.password,
            role: 'parent',
            familyId,
            guardianId: guardians[0]!.guardianId,
            displayName: `${r1.firstName} ${r1.lastName}`,
          },
          trx,
        );
        if (context.actor.role === 'anonymous') {
          // The parent who just created the account is the author of its first facts.
          context.actor = { userId: created.id, role: 'parent', familyId };
        }
      }
      // Appended while the transaction is open: a refusal rolls back the login and the link.
      await this.repository.handle(
        familyStream(familyId),
        familyDecider,
        { type: 'CreateFamily', familyId, identity: sealedIdentity, via: registration.via, loginAccountId: created?.id ?? null, guardians, children },
        context,
        { retriesOnConflict: 0 },
      );
      // Also before the commit: a committed login always has its AccountCreated event.
      if (created) await this.recordAccountCreated(created);
      return created;
    }));
    return { familyId, account };
  }

  async recordAccountCreated(account: Account): Promise<void> {
    const event: AccountCreated = {
      type: 'AccountCreated',
      data: { accountId: account.id, role: account.role, familyId: account.familyId, guardianId: account.guardianId },
    };
    await this.repository.record(accountStream(account.id), [event], currentContext());
  }
}
