import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { ValidationError, type FieldError } from '#ardoise/kernel';
import { AggregateRepository, CLOCK, currentContext, EventOutbox, idempotentId, type Clock, type RequestContext, type StagedAppend } from '#ardoise/commands';
import { DATABASE } from '#ardoise/database';
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
 * With a login (or a link to consume), the events are decided first, then staged in the
 * transaction that creates the login, and appended after its commit (EventOutbox, decision
 * 0006): never events without their login, never a login whose events are lost.
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
    @Inject(EventOutbox) private readonly outbox: EventOutbox,
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

    const accountId = registration.login ? randomUUID() : undefined;
    // The parent who creates the account is the author of its first facts.
    const author: RequestContext =
      accountId && context.actor.role === 'anonymous' ? { ...context, actor: { userId: accountId, role: 'parent', familyId } } : context;
    const command = {
      type: 'CreateFamily' as const,
      familyId,
      identity: sealedIdentity,
      via: registration.via,
      loginAccountId: accountId ?? null,
      guardians,
      children,
    };
    if (!registration.login && !registration.activationToken) {
      // Nothing but events to write: the pipeline alone.
      await this.repository.handle(familyStream(familyId), familyDecider, command, context, { retriesOnConflict: 0 });
      return { familyId };
    }
    // Decided before the transaction opens (reading the stream takes a connection of its own).
    const staged: StagedAppend[] = [await this.repository.prepare(familyStream(familyId), familyDecider, command, author)];
    const account = await this.db.transaction().execute(async (trx) => {
      if (registration.activationToken) await this.tokens.consume('activation', registration.activationToken, trx);
      let created: Account | undefined;
      if (registration.login) {
        created = await this.accounts.create(
          {
            id: accountId,
            email: registration.login.email,
            password: registration.login.password,
            role: 'parent',
            familyId,
            guardianId: guardians[0]!.guardianId,
            displayName: `${r1.firstName} ${r1.lastName}`,
          },
          trx,
        );
        staged.push(this.accountCreated(created, author));
      }
      await this.outbox.stage(trx, staged);
      return created;
    });
    context.actor = author.actor;
    await this.outbox.flush(staged);
    return { familyId, account };
  }

  /** The login's fact for the audit trail, to stage in the transaction that creates the login. */
  accountCreated(account: Account, context: RequestContext = currentContext()): StagedAppend {
    const event: AccountCreated = {
      type: 'AccountCreated',
      data: { accountId: account.id, role: account.role, familyId: account.familyId, guardianId: account.guardianId },
    };
    return this.repository.prepareFacts(accountStream(account.id), [event], context);
  }
}
