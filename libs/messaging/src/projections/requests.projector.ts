import { sql, type Kysely } from 'kysely';
import type { Projector } from '#ardoise/projections';
import { FAMILY_FORGOTTEN, openText, type FamilyPersonalData } from '../privacy/family-personal-data.js';
import { ATTACHMENTS_TABLE } from '../attachments/attachment-store.js';
import { eraseFamilyRequests, REQUEST_ATTACHMENTS_TABLE, REQUEST_MESSAGES_TABLE, REQUESTS_TABLE } from './erase-family-requests.js';
import {
  REQUEST_EVENT_TYPES,
  type RequestAttachmentAdded,
  type RequestClosed,
  type RequestMessagePosted,
  type RequestOpened,
  type RequestReopened,
} from '../domain/request-events.js';

export { REQUEST_ATTACHMENTS_TABLE, REQUEST_MESSAGES_TABLE, REQUESTS_TABLE };

/**
 * "Mes demandes": the threads, their messages and their files (the bytes stay in `attachments`),
 * opened with the family's key. A family whose key is gone (forgotten) is projected as erased
 * — ids, dates and authors only, `erased = true` — so a replay after an erasure still works
 * and shows the thread as erased. `FamilyForgotten` (the families context's event) erases the
 * rows already written, the attachments' bytes and the family's e-mails, in the projection's
 * transaction: the erasure also happens after a crash, and again on every rebuild.
 */
export const requestsProjector = (personalData: FamilyPersonalData): Projector => ({
  name: 'messaging-requests',
  version: 2,
  filter: { eventTypes: [...REQUEST_EVENT_TYPES, FAMILY_FORGOTTEN] },
  tables: [
    {
      name: REQUESTS_TABLE,
      async create(db: Kysely<any>, table: string) {
        await sql`
          CREATE TABLE ${sql.table(table)} (
            id               uuid PRIMARY KEY,
            family_id        uuid NOT NULL,
            topic            text NOT NULL,
            subject          text,
            status           text NOT NULL,
            opened_by        text NOT NULL,
            opened_at        timestamptz NOT NULL,
            last_activity_at timestamptz NOT NULL,
            last_author      text NOT NULL,
            closed_at        timestamptz,
            erased           boolean NOT NULL DEFAULT false
          )`.execute(db);
        await sql`CREATE INDEX ${sql.id(`${table}_family_idx`)} ON ${sql.table(table)} (family_id, last_activity_at DESC)`.execute(db);
        await sql`CREATE INDEX ${sql.id(`${table}_activity_idx`)} ON ${sql.table(table)} (last_activity_at DESC)`.execute(db);
      },
    },
    {
      name: REQUEST_MESSAGES_TABLE,
      async create(db: Kysely<any>, table: string) {
        await sql`
          CREATE TABLE ${sql.table(table)} (
            id          uuid PRIMARY KEY,
            request_id  uuid NOT NULL,
            author      text NOT NULL,
            body        text,
            posted_at   timestamptz NOT NULL,
            position    bigint NOT NULL,
            erased      boolean NOT NULL DEFAULT false
          )`.execute(db);
        await sql`CREATE INDEX ${sql.id(`${table}_request_idx`)} ON ${sql.table(table)} (request_id, position)`.execute(db);
      },
    },
    {
      name: REQUEST_ATTACHMENTS_TABLE,
      async create(db: Kysely<any>, table: string) {
        await sql`
          CREATE TABLE ${sql.table(table)} (
            id          uuid PRIMARY KEY,
            request_id  uuid NOT NULL,
            author      text NOT NULL,
            file_name   text,
            media_type  text NOT NULL,
            size        integer NOT NULL,
            sha256      text NOT NULL,
            added_at    timestamptz NOT NULL,
            position    bigint NOT NULL,
            erased      boolean NOT NULL DEFAULT false
          )`.execute(db);
        await sql`CREATE INDEX ${sql.id(`${table}_request_idx`)} ON ${sql.table(table)} (request_id, position)`.execute(db);
      },
    },
  ],
  async apply(event, trx, tables) {
    if (event.type === FAMILY_FORGOTTEN) {
      await eraseFamilyRequests(trx, (event.data as { familyId: string }).familyId, tables);
      return;
    }
    const familyId = (event.data as { familyId: string }).familyId;
    const open = await personalData.opener(familyId, trx);
    const text = (sealed: string): { value: string | null; erased: boolean } => {
      const value = openText(open, sealed);
      return value === undefined ? { value: null, erased: true } : { value, erased: false };
    };
    const at = event.metadata.occurredAt;
    const position = Number(event.revision);
    const touch = (requestId: string, author: string, more: Record<string, unknown> = {}) =>
      trx
        .updateTable(tables[REQUESTS_TABLE]!)
        .set({ last_activity_at: at, last_author: author, ...more })
        .where('id', '=', requestId)
        .execute();
    switch (event.type) {
      case 'RequestOpened': {
        const data = event.data as RequestOpened['data'];
        const subject = text(data.subject);
        const body = text(data.body);
        await trx
          .insertInto(tables[REQUESTS_TABLE]!)
          .values({
            id: data.requestId,
            family_id: data.familyId,
            topic: data.topic,
            subject: subject.value,
            erased: subject.erased,
            status: 'open',
            opened_by: data.author,
            opened_at: at,
            last_activity_at: at,
            last_author: data.author,
          })
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
        await trx
          .insertInto(tables[REQUEST_MESSAGES_TABLE]!)
          .values({ id: data.messageId, request_id: data.requestId, author: data.author, body: body.value, erased: body.erased, posted_at: at, position })
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
        return;
      }
      case 'RequestMessagePosted': {
        const data = event.data as RequestMessagePosted['data'];
        const body = text(data.body);
        await trx
          .insertInto(tables[REQUEST_MESSAGES_TABLE]!)
          .values({ id: data.messageId, request_id: data.requestId, author: data.author, body: body.value, erased: body.erased, posted_at: at, position })
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
        await touch(data.requestId, data.author);
        return;
      }
      case 'RequestAttachmentAdded': {
        const data = event.data as RequestAttachmentAdded['data'];
        const fileName = text(data.fileName);
        // A file joined just before its family was forgotten: its bytes must not outlive the key.
        if (fileName.erased) await trx.deleteFrom(ATTACHMENTS_TABLE).where('id', '=', data.attachmentId).execute();
        await trx
          .insertInto(tables[REQUEST_ATTACHMENTS_TABLE]!)
          .values({
            id: data.attachmentId,
            request_id: data.requestId,
            author: data.author,
            file_name: fileName.value,
            erased: fileName.erased,
            media_type: data.mediaType,
            size: data.size,
            sha256: data.sha256,
            added_at: at,
            position,
          })
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
        await touch(data.requestId, data.author);
        return;
      }
      case 'RequestClosed': {
        const data = event.data as RequestClosed['data'];
        await touch(data.requestId, data.author, { status: 'closed', closed_at: at });
        return;
      }
      case 'RequestReopened': {
        const data = event.data as RequestReopened['data'];
        await touch(data.requestId, data.author, { status: 'open', closed_at: null });
        return;
      }
    }
  },
});
