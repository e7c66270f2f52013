import { Inject, Injectable } from '@nestjs/common';
import { sql, type Kysely } from 'kysely';
import type { ErasurePreview } from '#ardoise/contracts';
import { DATABASE } from '#ardoise/database';
import { EVENT_STORE, type EventStore } from '#ardoise/event-store';
import { NotFoundError } from '#ardoise/kernel';
import { ATTACHMENTS_TABLE, OUTBOX_TABLE, REQUESTS_TABLE, requestStream } from '#ardoise/messaging';
import { familyStream } from '../../domain/family-events.js';
import { FamilyKeyStore } from '../../privacy/family-key-store.js';
import { CHILDREN_TABLE, FAMILIES_TABLE, GUARDIANS_TABLE } from '../../projections/read-model.js';

/**
 * What erasing a family will do, counted before the admin confirms: the people whose data
 * goes, the logins and files and e-mails deleted, and the events whose personal fields become
 * unreadable — those of the family's stream and of its request threads, the streams whose
 * events carry data sealed with the family's key.
 */
@Injectable()
export class ErasurePreviewReader {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<any>,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(FamilyKeyStore) private readonly keys: FamilyKeyStore,
  ) {}

  async preview(familyId: string): Promise<ErasurePreview> {
    const family = await this.db.selectFrom(FAMILIES_TABLE).select(['family_name', 'status']).where('family_id', '=', familyId).executeTakeFirst();
    const streamRevision = await this.store.streamRevision(familyStream(familyId));
    if (!family && streamRevision === undefined) throw new NotFoundError('FAMILY.NOT_FOUND', 'Famille introuvable.');
    const count = async (table: string, column = 'family_id') =>
      Number(
        (
          await this.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where(column, '=', familyId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const requests = await this.db.selectFrom(REQUESTS_TABLE).select('id').where('family_id', '=', familyId).execute();
    let events = streamRevision === undefined ? 0 : Number(streamRevision) + 1;
    for (const request of requests) {
      const revision = await this.store.streamRevision(requestStream(String(request.id)));
      if (revision !== undefined) events += Number(revision) + 1;
    }
    const logins = await sql<{ n: string }>`SELECT count(*) AS n FROM accounts WHERE family_id = ${familyId}`.execute(this.db);
    const alreadyForgotten = family?.status === 'forgotten' || !(await this.keys.existingKey(familyId));
    return {
      familyId,
      familyName: alreadyForgotten ? null : (family?.family_name ?? null),
      alreadyForgotten,
      guardians: await count(GUARDIANS_TABLE),
      children: await count(CHILDREN_TABLE),
      logins: Number(logins.rows[0]?.n ?? 0),
      files: await count(ATTACHMENTS_TABLE),
      emails: await count(OUTBOX_TABLE),
      events,
    };
  }
}
