import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import type { ErasurePreview } from '#ardoise/contracts';
import { DATABASE } from '#ardoise/database';
import { EVENT_STORE, type EventStore } from '#ardoise/event-store';
import { AccountReader } from '#ardoise/identity';
import { NotFoundError } from '#ardoise/kernel';
import { FamilyMessagingReader } from '#ardoise/messaging';
import { familyStream } from '../../domain/family-events.js';
import { FamilyKeyStore } from '../../privacy/family-key-store.js';
import type { FamiliesDatabase } from '../../projections/families-database.js';
import { CHILDREN_TABLE, FAMILIES_TABLE, GUARDIANS_TABLE } from '../../projections/read-model.js';
import { PreviewErasure } from './preview-erasure.query.js';

/**
 * What erasing a family will do, counted before the admin confirms: the people whose data
 * goes, the logins and files and e-mails deleted, and the events whose personal fields become
 * unreadable — those of the family's stream and of its request threads, the streams whose
 * events carry data sealed with the family's key.
 */
@QueryHandler(PreviewErasure)
export class PreviewErasureHandler implements IQueryHandler<PreviewErasure> {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<FamiliesDatabase>,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(FamilyKeyStore) private readonly keys: FamilyKeyStore,
    @Inject(AccountReader) private readonly accounts: AccountReader,
    @Inject(FamilyMessagingReader) private readonly messaging: FamilyMessagingReader,
  ) {}

  async execute({ familyId }: PreviewErasure): Promise<ErasurePreview> {
    const family = await this.db.selectFrom(FAMILIES_TABLE).select(['family_name', 'status']).where('family_id', '=', familyId).executeTakeFirst();
    const streamRevision = await this.store.streamRevision(familyStream(familyId));
    if (!family && streamRevision === undefined) throw new NotFoundError('FAMILY.NOT_FOUND', 'Famille introuvable.');
    const count = async (table: typeof GUARDIANS_TABLE | typeof CHILDREN_TABLE) => {
      const row = await this.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('family_id', '=', familyId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    };
    // What the erasure deletes in messaging and identity, through their readers.
    const messaging = await this.messaging.holdings(familyId);
    let events = streamRevision === undefined ? 0 : Number(streamRevision) + 1;
    for (const stream of messaging.requestStreams) {
      const revision = await this.store.streamRevision(stream);
      if (revision !== undefined) events += Number(revision) + 1;
    }
    const alreadyForgotten = family?.status === 'forgotten' || !(await this.keys.existingKey(familyId));
    return {
      familyId,
      familyName: alreadyForgotten ? null : (family?.family_name ?? null),
      alreadyForgotten,
      guardians: await count(GUARDIANS_TABLE),
      children: await count(CHILDREN_TABLE),
      logins: (await this.accounts.familyLogins(familyId)).length,
      files: messaging.files,
      emails: messaging.emails,
      events,
    };
  }
}
