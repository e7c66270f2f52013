import { sql, type Kysely } from 'kysely';
import type { Projector } from '#ardoise/projections';
import {
  REQUEST_EVENT_TYPES,
  type RequestAttachmentAdded,
  type RequestClosed,
  type RequestMessagePosted,
  type RequestOpened,
  type RequestReopened,
} from '../domain/request-events.js';

export const REQUESTS_TABLE = 'messaging_requests';
export const REQUEST_MESSAGES_TABLE = 'messaging_request_messages';
export const REQUEST_ATTACHMENTS_TABLE = 'messaging_request_attachments';

/** "Mes demandes": the threads, their messages and their files (the bytes stay in `attachments`). */
export const requestsProjector: Projector = {
  name: 'messaging-requests',
  version: 1,
  filter: { eventTypes: REQUEST_EVENT_TYPES },
  tables: [
    {
      name: REQUESTS_TABLE,
      async create(db: Kysely<any>, table: string) {
        await sql`
          CREATE TABLE ${sql.table(table)} (
            id               uuid PRIMARY KEY,
            family_id        uuid NOT NULL,
            topic            text NOT NULL,
            subject          text NOT NULL,
            status           text NOT NULL,
            opened_by        text NOT NULL,
            opened_at        timestamptz NOT NULL,
            last_activity_at timestamptz NOT NULL,
            last_author      text NOT NULL,
            closed_at        timestamptz
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
            body        text NOT NULL,
            posted_at   timestamptz NOT NULL,
            position    bigint NOT NULL
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
            file_name   text NOT NULL,
            media_type  text NOT NULL,
            size        integer NOT NULL,
            sha256      text NOT NULL,
            added_at    timestamptz NOT NULL,
            position    bigint NOT NULL
          )`.execute(db);
        await sql`CREATE INDEX ${sql.id(`${table}_request_idx`)} ON ${sql.table(table)} (request_id, position)`.execute(db);
      },
    },
  ],
  async apply(event, trx, tables) {
    const at = event.metadata.occurredAt;
    const position = Number(event.revision);
    const touch = (requestId: string, author: string, more: Record<string, unknown> = {}) =>
      trx.updateTable(tables[REQUESTS_TABLE]!).set({ last_activity_at: at, last_author: author, ...more }).where('id', '=', requestId).execute();
    switch (event.type) {
      case 'RequestOpened': {
        const data = event.data as RequestOpened['data'];
        await trx
          .insertInto(tables[REQUESTS_TABLE]!)
          .values({
            id: data.requestId,
            family_id: data.familyId,
            topic: data.topic,
            subject: data.subject,
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
          .values({ id: data.messageId, request_id: data.requestId, author: data.author, body: data.body, posted_at: at, position })
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
        return;
      }
      case 'RequestMessagePosted': {
        const data = event.data as RequestMessagePosted['data'];
        await trx
          .insertInto(tables[REQUEST_MESSAGES_TABLE]!)
          .values({ id: data.messageId, request_id: data.requestId, author: data.author, body: data.body, posted_at: at, position })
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
        await touch(data.requestId, data.author);
        return;
      }
      case 'RequestAttachmentAdded': {
        const data = event.data as RequestAttachmentAdded['data'];
        await trx
          .insertInto(tables[REQUEST_ATTACHMENTS_TABLE]!)
          .values({
            id: data.attachmentId,
            request_id: data.requestId,
            author: data.author,
            file_name: data.fileName,
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
};
