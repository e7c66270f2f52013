import { sql, type Kysely } from 'kysely';
import { AccountReader } from '#ardoise/identity';
import type { MailMessage } from '#ardoise/runtime';
import type { NotificationSource } from './notifications.projector.js';
import { openText, type FamilyPersonalData } from '../privacy/family-personal-data.js';
import { REQUEST_MESSAGE_POSTED, REQUEST_OPENED, type RequestMessagePosted, type RequestOpened } from '../domain/request-events.js';

/** What the reply e-mail needs to know about a thread: kept by the notifications projection itself. */
const NOTIFIED_REQUESTS = 'notification_requests';

/**
 * "Réponse à votre demande": e-mailed to the family when staff write in its thread. The
 * subject is kept sealed (as in the event) and opened only to write the e-mail: a forgotten
 * family gets none, and this table holds no plaintext.
 */
export const requestNotifications = (personalData: FamilyPersonalData): NotificationSource => ({
  tables: [
    {
      name: NOTIFIED_REQUESTS,
      async create(db: Kysely<any>, table: string) {
        await sql`
          CREATE TABLE ${sql.table(table)} (
            request_id         uuid PRIMARY KEY,
            family_id          uuid NOT NULL,
            sealed_subject     text NOT NULL,
            opened_by_account  uuid
          )`.execute(db);
      },
    },
  ],
  mails: {
    async [REQUEST_OPENED](event, { trx, tables }) {
      const data = event.data as RequestOpened['data'];
      const actor = event.metadata.actor;
      await trx
        .insertInto(tables[NOTIFIED_REQUESTS]!)
        .values({
          request_id: data.requestId,
          family_id: data.familyId,
          sealed_subject: data.subject,
          opened_by_account: actor.role === 'parent' && /^[0-9a-f-]{36}$/i.test(actor.userId) ? actor.userId : null,
        })
        .onConflict((oc) => oc.column('request_id').doNothing())
        .execute();
      return undefined;
    },
    async [REQUEST_MESSAGE_POSTED](event, { trx, tables }): Promise<MailMessage | undefined> {
      const data = event.data as RequestMessagePosted['data'];
      if (data.author !== 'staff') return undefined;
      const thread = await trx.selectFrom(tables[NOTIFIED_REQUESTS]!).selectAll().where('request_id', '=', data.requestId).executeTakeFirst();
      if (!thread) return undefined;
      // The parent login that opened the thread, else the family's first; none without a login.
      const to = await new AccountReader(trx).familyLoginEmail(thread.family_id, thread.opened_by_account);
      if (!to) return undefined;
      const subject = openText(await personalData.opener(thread.family_id, trx), thread.sealed_subject);
      if (subject === undefined) return undefined;
      return {
        to,
        template: 'request-reply',
        data: { subject, path: `/demandes/${data.requestId}` },
        familyId: thread.family_id,
      };
    },
  },
});
