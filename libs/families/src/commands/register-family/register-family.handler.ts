import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import { ValidationError } from '#ardoise/kernel';
import { AggregateRepository, currentContext, EventOutbox, idempotentId, type RequestContext, type StagedAppend } from '#ardoise/commands';
import { DATABASE } from '#ardoise/database';
import { AccountStore, OneTimeTokenStore, type Account } from '#ardoise/identity';
import { familyStream } from '../../domain/family-events.js';
import { familyDecider, type NewGuardian } from '../../domain/family.decider.js';
import type { FamilyIdentity } from '../../domain/personal-data.js';
import { PersonalDataCipher } from '../../privacy/personal-data-cipher.js';
import type { FamiliesDatabase } from '../../projections/families-database.js';
import { accountCreated } from '../../registration/account-created.js';
import { RegistrationChecks } from '../../registration/registration-checks.js';
import { childDetails } from '../../requests/child.input.js';
import { guardianDetails } from '../../requests/guardian.input.js';
import { RegisterFamily } from './register-family.command.js';

/**
 * Creates a family in one go: FamilyAccountCreated, GuardianAdded (R1, R2), ChildRegistered,
 * and, when there is one, the parent's login. Executed by the activation wizard's last step, by
 * an agent creating a family that has no internet, and by the demo seed.
 * With a login (or a link to consume), the events are decided first, then staged in the
 * transaction that creates the login, and appended after its commit (EventOutbox, decision
 * 0006): never events without their login, never a login whose events are lost.
 */
@CommandHandler(RegisterFamily)
export class RegisterFamilyHandler implements ICommandHandler<RegisterFamily> {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<FamiliesDatabase>,
    @Inject(AggregateRepository) private readonly repository: AggregateRepository,
    @Inject(PersonalDataCipher) private readonly cipher: PersonalDataCipher,
    @Inject(AccountStore) private readonly accounts: AccountStore,
    @Inject(OneTimeTokenStore) private readonly tokens: OneTimeTokenStore,
    @Inject(EventOutbox) private readonly outbox: EventOutbox,
    @Inject(RegistrationChecks) private readonly checks: RegistrationChecks,
  ) {}

  async execute({ registration }: RegisterFamily): Promise<{ familyId: string; account?: Account }> {
    const errors = [
      ...this.checks.guardiansProblems(registration.guardians, 'guardians'),
      ...this.checks.childrenProblems(registration.children, registration.childrenField ?? 'children'),
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
        staged.push(accountCreated(this.repository, created, author));
      }
      await this.outbox.stage(trx, staged);
      return created;
    });
    context.actor = author.actor;
    await this.outbox.flush(staged);
    return { familyId, account };
  }
}
