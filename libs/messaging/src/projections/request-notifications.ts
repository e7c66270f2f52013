import { sql, type Kysely } from 'kysely';
import { foldEach, RowSet } from '#ardoise/projections';
import type { MailMessage } from '#ardoise/runtime';
import { NOTIFICATIONS_PROJECTION, type NotificationSource } from './notifications.projector.js';
import { openText, type FamilyPersonalData } from '../privacy/family-personal-data.js';
import { REQUEST_MESSAGE_POSTED, REQUEST_OPENED, type RequestMessagePosted, type RequestOpened } from '../domain/request-events.js';

/** What the reply e-mail needs to know about a thread: kept by the notifications projection itself. */
const NOTIFIED_REQUESTS = 'notification_requests';

const THREAD_DEFAULTS = { family_id: null, sealed_subject: null, opened_by_account: null };

interface NotifiedThread {
  request_id: string;
  family_id: string;
  sealed_subject: string;
  opened_by_account: string | null;
}

/**
 * "Réponse à votre demande": e-mailed to the family when staff write in its thread. The
 * subject is kept sealed (as in the event) and opened only to write the e-mail: a forgotten
 * family gets none, and this table holds no plaintext. The e-mail goes to the parent login
 * that opened the thread, else the family's first parent login; none for a family without a
 * login (run by an agent, no internet).
 *
 * Over the batch: the threads it touches are loaded in one query and written in one; the
 * recipients are read once for the batch (by the projector), then the keys of the families
 * whose reply gets an e-mail in one query.
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
  batch: {
    types: [REQUEST_OPENED, REQUEST_MESSAGE_POSTED],
    async build(events, { trx, tables, batch, recipients, wanted }) {
      const threads = new RowSet(trx, { table: tables[NOTIFIED_REQUESTS]!, key: ['request_id'], defaults: THREAD_DEFAULTS }, batch);
      await threads.load(events.map((e) => ({ request_id: (e.data as { requestId: string }).requestId })));
      const replies: { eventId: string; requestId: string; thread: NotifiedThread }[] = [];
      foldEach(NOTIFICATIONS_PROJECTION, events, (event) => {
        if (event.type === REQUEST_OPENED) {
          const data = event.data as RequestOpened['data'];
          const key = { request_id: data.requestId };
          if (threads.get(key)) return; // a replay: kept as first written
          const actor = event.metadata.actor;
          threads.upsert(key, {
            family_id: data.familyId,
            sealed_subject: data.subject,
            opened_by_account: actor.role === 'parent' && /^[0-9a-f-]{36}$/i.test(actor.userId) ? actor.userId : null,
          });
          return;
        }
        const data = event.data as RequestMessagePosted['data'];
        if (data.author !== 'staff' || !wanted(event)) return;
        const thread = threads.get({ request_id: data.requestId }) as NotifiedThread | undefined;
        if (thread) replies.push({ eventId: event.id, requestId: data.requestId, thread });
      });
      await threads.flush();

      const mails = new Map<string, MailMessage>();
      const addressed: { eventId: string; requestId: string; thread: NotifiedThread; to: string }[] = [];
      for (const reply of replies) {
        const logins = await recipients.of(reply.thread.family_id);
        const to = (logins.find((login) => login.accountId === reply.thread.opened_by_account) ?? logins[0])?.email;
        if (to) addressed.push({ ...reply, to });
      }
      if (addressed.length === 0) return mails;
      // The keys only of the families that get an e-mail.
      const openerOf = await personalData.openers(
        addressed.map((r) => r.thread.family_id),
        trx,
      );
      for (const { eventId, requestId, thread, to } of addressed) {
        const subject = openText(openerOf(thread.family_id), thread.sealed_subject);
        if (subject === undefined) continue;
        mails.set(eventId, { to, template: 'request-reply', data: { subject, path: `/demandes/${requestId}` }, familyId: thread.family_id });
      }
      return mails;
    },
  },
});
