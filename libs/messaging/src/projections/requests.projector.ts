import { sql, type Kysely, type Transaction } from 'kysely';
import type { RecordedEvent } from '#ardoise/event-store';
import { foldEach, insertRows, RowSet, type BatchContext, type Projector, type Row, type TableNames } from '#ardoise/projections';
import { FAMILY_FORGOTTEN, openText, type FamilyPersonalData } from '../privacy/family-personal-data.js';
import { ATTACHMENTS_TABLE } from '../attachments/attachment-store.js';
import { eraseFamilyRequests, REQUEST_ATTACHMENTS_TABLE, REQUEST_MESSAGES_TABLE, REQUESTS_TABLE } from './erase-family-requests.js';
import {
  REQUEST_ATTACHMENT_ADDED,
  REQUEST_CLOSED,
  REQUEST_EVENT_TYPES,
  REQUEST_MESSAGE_POSTED,
  REQUEST_OPENED,
  REQUEST_REOPENED,
  type RequestAttachmentAdded,
  type RequestEvent,
  type RequestMessagePosted,
  type RequestOpened,
} from '../domain/request-events.js';

export { REQUEST_ATTACHMENTS_TABLE, REQUEST_MESSAGES_TABLE, REQUESTS_TABLE };

const PROJECTION = 'messaging-requests';

/**
 * "Mes demandes": the threads, their messages and their files (the bytes stay in `attachments`),
 * opened with the family's key. A family whose key is gone (forgotten) is projected as erased
 * — ids, dates and authors only, `erased = true` — so a replay after an erasure still works
 * and shows the thread as erased. `FamilyForgotten` (the families context's event) erases the
 * rows already written, the attachments' bytes and the family's e-mails, in the projection's
 * transaction: the erasure also happens after a crash, and again on every rebuild.
 */
export const requestsProjector = (personalData: FamilyPersonalData): Projector => ({
  name: PROJECTION,
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
      },
      async indexes(db: Kysely<any>, table: string) {
        await sql`CREATE INDEX IF NOT EXISTS ${sql.id(`${table}_family_idx`)} ON ${sql.table(table)} (family_id, last_activity_at DESC)`.execute(db);
        await sql`CREATE INDEX IF NOT EXISTS ${sql.id(`${table}_activity_idx`)} ON ${sql.table(table)} (last_activity_at DESC)`.execute(db);
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
      },
      async indexes(db: Kysely<any>, table: string) {
        await sql`CREATE INDEX IF NOT EXISTS ${sql.id(`${table}_request_idx`)} ON ${sql.table(table)} (request_id, position)`.execute(db);
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
      },
      async indexes(db: Kysely<any>, table: string) {
        await sql`CREATE INDEX IF NOT EXISTS ${sql.id(`${table}_request_idx`)} ON ${sql.table(table)} (request_id, position)`.execute(db);
      },
    },
  ],
  async applyBatch(events, trx, tables, context) {
    // A forgotten family's erasure is written between the rows folded before it and the
    // ones after it: the batch is folded in runs separated by FamilyForgotten.
    let run: RecordedEvent[] = [];
    for (const event of events) {
      if (event.type !== FAMILY_FORGOTTEN) {
        run.push(event);
        continue;
      }
      await projectRequests(personalData, run, trx, tables, context);
      run = [];
      await eraseFamilyRequests(trx, (event.data as { familyId: string }).familyId, tables);
    }
    await projectRequests(personalData, run, trx, tables, context);
  },
});

const REQUEST_DEFAULTS: Row = {
  family_id: null,
  topic: null,
  subject: null,
  status: 'open',
  opened_by: null,
  opened_at: null,
  last_activity_at: null,
  last_author: null,
  closed_at: null,
  erased: false,
};

/**
 * Folds request events in memory: one key lookup for the families they name, one load of the
 * threads they touch (skipped for threads a rebuild has not written yet), then one write per
 * table — threads upserted, messages and files inserted (a replayed one is kept as it is).
 */
async function projectRequests(
  personalData: FamilyPersonalData,
  events: readonly RecordedEvent[],
  trx: Transaction<any>,
  tables: TableNames,
  context: BatchContext,
): Promise<void> {
  if (events.length === 0) return;
  const openerOf = await personalData.openers(
    events.map((e) => (e.data as { familyId: string }).familyId),
    trx,
  );
  const requests = new RowSet(trx, { table: tables[REQUESTS_TABLE]!, key: ['id'], defaults: REQUEST_DEFAULTS }, context);
  await requests.load(events.map((e) => ({ id: (e.data as { requestId: string }).requestId })));
  const messages: Row[] = [];
  const attachments: Row[] = [];
  const erasedFiles: string[] = [];

  foldEach(PROJECTION, events, (event) => {
    const data = event.data as RequestEvent['data'];
    const open = openerOf(data.familyId);
    const text = (sealed: string): { value: string | null; erased: boolean } => {
      const value = openText(open, sealed);
      return value === undefined ? { value: null, erased: true } : { value, erased: false };
    };
    const at = event.metadata.occurredAt;
    const position = Number(event.revision);
    const thread = { id: data.requestId };
    const touch = (author: string, more: Row = {}) => requests.update(thread, { last_activity_at: at, last_author: author, ...more });
    switch (event.type) {
      case REQUEST_OPENED: {
        const opened = data as RequestOpened['data'];
        const subject = text(opened.subject);
        const body = text(opened.body);
        if (!requests.get(thread)) {
          requests.upsert(thread, {
            family_id: opened.familyId,
            topic: opened.topic,
            subject: subject.value,
            erased: subject.erased,
            status: 'open',
            opened_by: opened.author,
            opened_at: at,
            last_activity_at: at,
            last_author: opened.author,
          });
        }
        messages.push(messageRow(opened, body, at, position));
        return;
      }
      case REQUEST_MESSAGE_POSTED: {
        const posted = data as RequestMessagePosted['data'];
        messages.push(messageRow(posted, text(posted.body), at, position));
        touch(posted.author);
        return;
      }
      case REQUEST_ATTACHMENT_ADDED: {
        const added = data as RequestAttachmentAdded['data'];
        const fileName = text(added.fileName);
        // A file joined just before its family was forgotten: its bytes must not outlive the key.
        if (fileName.erased) erasedFiles.push(added.attachmentId);
        attachments.push({
          id: added.attachmentId,
          request_id: added.requestId,
          author: added.author,
          file_name: fileName.value,
          erased: fileName.erased,
          media_type: added.mediaType,
          size: added.size,
          sha256: added.sha256,
          added_at: at,
          position,
        });
        touch(added.author);
        return;
      }
      case REQUEST_CLOSED:
        touch(data.author, { status: 'closed', closed_at: at });
        return;
      case REQUEST_REOPENED:
        touch(data.author, { status: 'open', closed_at: null });
        return;
    }
  });

  await requests.flush();
  await insertRows(trx, tables[REQUEST_MESSAGES_TABLE]!, messages, ['id']);
  await insertRows(trx, tables[REQUEST_ATTACHMENTS_TABLE]!, attachments, ['id']);
  if (erasedFiles.length > 0) await trx.deleteFrom(ATTACHMENTS_TABLE).where('id', 'in', erasedFiles).execute();
}

function messageRow(
  data: { requestId: string; messageId: string; author: string },
  body: { value: string | null; erased: boolean },
  at: string,
  position: number,
): Row {
  return { id: data.messageId, request_id: data.requestId, author: data.author, body: body.value, erased: body.erased, posted_at: at, position };
}
