import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { sql, type Kysely } from 'kysely';
import type { ErasurePreview } from '#ardoise/contracts';
import { DATABASE } from '#ardoise/database';
import { EVENT_STORE, type EventStore } from '#ardoise/event-store';
import { NotFoundError } from '#ardoise/kernel';
import { ATTACHMENTS_TABLE, OUTBOX_TABLE, REQUESTS_TABLE, requestStream } from '#ardoise/messaging';
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
  ) {}

  async execute({ familyId }: PreviewErasure): Promise<ErasurePreview> {
    const family = await this.db.selectFrom(FAMILIES_TABLE).select(['family_name', 'status']).where('family_id', '=', familyId).executeTakeFirst();
    const streamRevision = await this.store.streamRevision(familyStream(familyId));
    if (!family && streamRevision === undefined) throw new NotFoundError('FAMILY.NOT_FOUND', 'Famille introuvable.');
    // Messaging's and identity's tables too: what the erasure deletes there (plain SQL, they are not the families' tables).
    const count = async (table: string) => {
      const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)} WHERE family_id = ${familyId}`.execute(this.db);
      return Number(rows[0]?.n ?? 0);
    };
    const { rows: requests } = await sql<{ id: string }>`SELECT id FROM ${sql.table(REQUESTS_TABLE)} WHERE family_id = ${familyId}`.execute(this.db);
    let events = streamRevision === undefined ? 0 : Number(streamRevision) + 1;
    for (const request of requests) {
      const revision = await this.store.streamRevision(requestStream(String(request.id)));
      if (revision !== undefined) events += Number(revision) + 1;
    }
    const alreadyForgotten = family?.status === 'forgotten' || !(await this.keys.existingKey(familyId));
    return {
      familyId,
      familyName: alreadyForgotten ? null : (family?.family_name ?? null),
      alreadyForgotten,
      guardians: await count(GUARDIANS_TABLE),
      children: await count(CHILDREN_TABLE),
      logins: await count('accounts'),
      files: await count(ATTACHMENTS_TABLE),
      emails: await count(OUTBOX_TABLE),
      events,
    };
  }
}
