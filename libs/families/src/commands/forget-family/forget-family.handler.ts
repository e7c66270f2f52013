import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { sql, type Kysely } from 'kysely';
import { AggregateRepository, currentContext } from '#ardoise/commands';
import { DATABASE } from '#ardoise/database';
import { AccountStore } from '#ardoise/identity';
import { eraseFamilyMessaging } from '#ardoise/messaging';
import { familyStream } from '../../domain/family-events.js';
import { familyDecider } from '../../domain/family.decider.js';
import { FamilyKeyStore } from '../../privacy/family-key-store.js';
import { eraseFamilyRows } from '../../projections/families.projector.js';
import type { FamiliesDatabase } from '../../projections/families-database.js';
import { CHILDREN_TABLE, FAMILIES_TABLE, GUARDIANS_TABLE, LOGINS_TABLE } from '../../projections/read-model.js';
import { ForgetFamily, type ForgetReport } from './forget-family.command.js';

/**
 * RGPD erasure ("droit à l'oubli") by crypto-shredding: the family's key goes first (every
 * sealed field of every event becomes unreadable at once, in every replay and export), then
 * the plaintext copies (read models, logins and their sessions, one-time links, stored
 * idempotent responses, and messaging's copies: e-mails, request threads and files, news read
 * marks), and `FamilyForgotten` is recorded. Running it again on a forgotten family redoes the
 * clean-up (e.g. after a crash half-way).
 *
 * Messaging's part is done here rather than registered as a hook: families already depends
 * on messaging (it sends its e-mails through it), and messaging cannot import families back.
 * Messaging also reacts to `FamilyForgotten` in its requests projection (by the event's type),
 * which covers a crash between the event and this clean-up and every rebuild.
 */
@CommandHandler(ForgetFamily)
export class ForgetFamilyHandler implements ICommandHandler<ForgetFamily> {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<FamiliesDatabase>,
    @Inject(AggregateRepository) private readonly repository: AggregateRepository,
    @Inject(FamilyKeyStore) private readonly keys: FamilyKeyStore,
    @Inject(AccountStore) private readonly accounts: AccountStore,
  ) {}

  async execute({ familyId }: ForgetFamily): Promise<ForgetReport> {
    const keyDestroyed = await this.keys.destroy(familyId);
    const { events } = await this.repository.handle(familyStream(familyId), familyDecider, { type: 'ForgetFamily', familyId }, currentContext(), {
      retriesOnConflict: 5,
    });
    const accountsDeleted = await this.eraseCopies(familyId);
    return { alreadyForgotten: events.length === 0, keyDestroyed, accountsDeleted };
  }

  private async eraseCopies(familyId: string): Promise<number> {
    if (await exists(this.db, FAMILIES_TABLE)) {
      await eraseFamilyRows(this.db, familyId, { families: FAMILIES_TABLE, guardians: GUARDIANS_TABLE, children: CHILDREN_TABLE });
    }
    if (await exists(this.db, LOGINS_TABLE)) await this.db.deleteFrom(LOGINS_TABLE).where('family_id', '=', familyId).execute();
    await sql`
      DELETE FROM idempotency_keys
      WHERE actor_id IN (SELECT id::text FROM accounts WHERE family_id = ${familyId})`.execute(this.db);
    await sql`DELETE FROM one_time_tokens WHERE subject = ${familyId} OR payload->>'familyId' = ${familyId}`.execute(this.db);
    // Before the logins go: messaging finds the family's news read marks through them.
    await eraseFamilyMessaging(this.db, familyId);
    return this.accounts.deleteFamilyAccounts(familyId);
  }
}

async function exists(db: Kysely<FamiliesDatabase>, relation: string): Promise<boolean> {
  const { rows } = await sql<{ found: string | null }>`SELECT to_regclass(${relation})::text AS found`.execute(db);
  return rows[0]?.found != null;
}
