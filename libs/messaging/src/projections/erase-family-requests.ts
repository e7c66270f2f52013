import { sql, type Kysely } from 'kysely';
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

/**
 * RGPD erasure of everything messaging keeps about a family: its e-mails (outbox), the bytes of
 * its request files, its threads in the read model, and the news read marks of its logins.
 * Called by the families context's forget flow before the logins are deleted (so that the
 * read marks can still be found), after the key was destroyed; running it twice is harmless.
 * The requests projection does the same on `FamilyForgotten` (crash after the event, rebuilds).
 */
export async function eraseFamilyMessaging(db: Kysely<any>, familyId: string): Promise<void> {
  await db.deleteFrom(OUTBOX_TABLE).where('family_id', '=', familyId).execute();
  await db.deleteFrom(ATTACHMENTS_TABLE).where('family_id', '=', familyId).execute();
  await sql`
    DELETE FROM news_reads
    WHERE account_id IN (SELECT id FROM accounts WHERE family_id = ${familyId})`.execute(db);
  if (await relationExists(db, REQUESTS_TABLE)) {
    const logical = {
      [REQUESTS_TABLE]: REQUESTS_TABLE,
      [REQUEST_MESSAGES_TABLE]: REQUEST_MESSAGES_TABLE,
      [REQUEST_ATTACHMENTS_TABLE]: REQUEST_ATTACHMENTS_TABLE,
    };
    await eraseFamilyRequests(db, familyId, logical);
  }
}

async function relationExists(db: Kysely<any>, relation: string): Promise<boolean> {
  const { rows } = await sql<{ found: string | null }>`SELECT to_regclass(${relation})::text AS found`.execute(db);
  return rows[0]?.found != null;
}
