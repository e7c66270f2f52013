import type { Kysely } from 'kysely';
import { OUTBOX_TABLE } from '../mail/outbox-mailer.js';
import { ATTACHMENTS_TABLE } from '../attachments/attachment-store.js';

/** Logical names of the requests read models (the projector's generation tables are views under these names). */
export const REQUESTS_TABLE = 'messaging_requests';
export const REQUEST_MESSAGES_TABLE = 'messaging_request_messages';
export const REQUEST_ATTACHMENTS_TABLE = 'messaging_request_attachments';

type RequestTables = Readonly<Record<string, string>>;

/**
 * A forgotten family's threads become what a replay without its key projects: ids, dates and
 * authors, no subject, no message, no file name, `erased = true` (so `ardoise verify` finds the
 * live tables equal to a rebuild). The attachments' bytes and the family's e-mails are deleted:
 * they live outside the log, nothing would ever erase them otherwise.
 */
export async function eraseFamilyRequests(db: Kysely<any>, familyId: string, tables: RequestTables): Promise<void> {
  const requests = tables[REQUESTS_TABLE]!;
  const threads = db.selectFrom(requests).select('id').where('family_id', '=', familyId);
  await db.updateTable(requests).set({ subject: null, erased: true }).where('family_id', '=', familyId).execute();
  await db.updateTable(tables[REQUEST_MESSAGES_TABLE]!).set({ body: null, erased: true }).where('request_id', 'in', threads).execute();
  await db.updateTable(tables[REQUEST_ATTACHMENTS_TABLE]!).set({ file_name: null, erased: true }).where('request_id', 'in', threads).execute();
  await db.deleteFrom(ATTACHMENTS_TABLE).where('family_id', '=', familyId).execute();
  await db.deleteFrom(OUTBOX_TABLE).where('family_id', '=', familyId).execute();
}
