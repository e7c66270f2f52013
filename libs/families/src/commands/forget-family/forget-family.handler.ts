import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import { AggregateRepository, currentContext, IdempotencyStore } from '#ardoise/commands';
import { DATABASE, relationExists } from '#ardoise/database';
import { AccountReader, AccountStore, OneTimeTokenStore } from '#ardoise/identity';
import { EraseFamilyMessaging } from '#ardoise/messaging';
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
 * Each context erases its own copies: messaging by its command (`EraseFamilyMessaging`,
 * executed here, before the logins go: its read marks are found through them), identity
 * through its stores. Messaging also reacts to `FamilyForgotten` in its requests projection
 * (by the event's type), which covers a crash between the event and this clean-up and every rebuild.
 */
@CommandHandler(ForgetFamily)
export class ForgetFamilyHandler implements ICommandHandler<ForgetFamily> {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<FamiliesDatabase>,
    @Inject(AggregateRepository) private readonly repository: AggregateRepository,
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(FamilyKeyStore) private readonly keys: FamilyKeyStore,
    @Inject(AccountReader) private readonly accountReader: AccountReader,
    @Inject(AccountStore) private readonly accounts: AccountStore,
    @Inject(OneTimeTokenStore) private readonly links: OneTimeTokenStore,
    @Inject(IdempotencyStore) private readonly answers: IdempotencyStore,
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
    if (await relationExists(this.db, FAMILIES_TABLE)) {
      await eraseFamilyRows(this.db, familyId, { families: FAMILIES_TABLE, guardians: GUARDIANS_TABLE, children: CHILDREN_TABLE });
    }
    if (await relationExists(this.db, LOGINS_TABLE)) await this.db.deleteFrom(LOGINS_TABLE).where('family_id', '=', familyId).execute();
    await this.answers.forgetActors(await this.accountReader.familyLogins(familyId));
    await this.links.deleteFamilyLinks(familyId);
    await this.commands.execute(new EraseFamilyMessaging(familyId));
    return this.accounts.deleteFamilyAccounts(familyId);
  }
}
