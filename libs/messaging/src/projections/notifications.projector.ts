import { sql, type Transaction } from 'kysely';
import type { RecordedEvent } from '#ardoise/event-store';
import { ProjectionHandlerError, type Projector, type ReadModelTable, type TableNames } from '#ardoise/projections';
import type { Mailer, MailMessage } from '#ardoise/runtime';
import { OUTBOX_TABLE } from '../mail/outbox-mailer.js';

export interface NotificationContext {
  trx: Transaction<any>;
  /** Physical names of the tables the sources declared (this projector's generation). */
  tables: TableNames;
}

/**
 * Turns one event into the e-mails it causes (none is fine), and may keep what later
 * e-mails need in the source's own tables (e.g. a request's subject, for the reply e-mail).
 * The projector sets every message's dedupeKey to the event id, so a replay sends nothing twice:
 * return at most one e-mail per event. The builders of a source that keeps no table run only when
 * their e-mail would be written (not in the outbox yet, recent enough); those of a source that
 * keeps tables run for every event, and their e-mail is dropped when it would not be written.
 */
export type MailBuilder = (event: RecordedEvent, context: NotificationContext) => Promise<MailMessage | undefined>;

/**
 * What a bounded context contributes to the notifications: a builder per event type, and
 * the small read-model tables its builders keep. Reservations (confirmation, waitlist
 * promotion) and invoicing (invoice available, payment received) add theirs in
 * libs/composition/src/projectors.ts once their events exist.
 */
export interface NotificationSource {
  readonly mails: Readonly<Record<string, MailBuilder>>;
  readonly tables?: readonly ReadModelTable[];
}

let boundMailer: Mailer | undefined;

/** Done once per process by MessagingModule: the mailer the notifications projector writes through. */
export function bindNotificationMailer(mailer: Mailer): void {
  boundMailer = mailer;
}

export const NOTIFICATIONS_PROJECTION = 'notifications';

/**
 * An e-mail about a fact older than this is not written: a rebuild after a new kind of
 * notification was added (or a worker back after a long outage) must not mail families
 * about last year's invoices. Builders still run, so the tables they keep stay complete.
 */
export const NOTIFICATION_MAX_AGE_MS = 3 * 24 * 3600 * 1000;

/**
 * The e-mails caused by events: each is written to the outbox in the projection's own
 * transaction (exactly once with the checkpoint) and keyed by the event id (a rebuild
 * replays every event but produces no e-mail twice). Sending happens later (MailDelivery).
 */
export function notificationsProjector(...sources: NotificationSource[]): Projector {
  const builders = new Map<string, { build: MailBuilder; keepsTables: boolean }>();
  for (const source of sources) {
    for (const [type, build] of Object.entries(source.mails)) {
      // One e-mail per event (its id is the dedupe key): two builders for one type would lose one.
      if (builders.has(type)) throw new Error(`notifications: two mail builders for ${type}`);
      builders.set(type, { build, keepsTables: (source.tables ?? []).length > 0 });
    }
  }
  return {
    name: NOTIFICATIONS_PROJECTION,
    version: 2, // 2: notification_requests keeps the subject sealed
    filter: { eventTypes: [...builders.keys()] },
    tables: sources.flatMap((source) => source.tables ?? []),
    /**
     * The batch's e-mails already in the outbox are read in one query. A builder whose
     * source keeps no table only makes the e-mail: it is not run when no e-mail would be
     * written (already produced — a rebuild —, or too old). A builder that keeps tables
     * always runs, so its tables stay complete.
     */
    async applyBatch(events, trx, tables) {
      const ids = events.map((e) => e.id);
      const already = await trx
        .selectFrom(OUTBOX_TABLE)
        .select('dedupe_key')
        .where(sql<boolean>`dedupe_key = ANY(${ids}::text[])`)
        .execute();
      const produced = new Set(already.map((row) => String(row.dedupe_key)));
      for (const event of events) {
        try {
          const builder = builders.get(event.type);
          if (!builder) continue;
          const wanted = !produced.has(event.id) && Date.now() - event.recordedAt.getTime() <= NOTIFICATION_MAX_AGE_MS;
          if (!wanted && !builder.keepsTables) continue;
          const message = await builder.build(event, { trx, tables });
          if (!message || !wanted) continue;
          if (!boundMailer) {
            // Fails the batch: the runner retries it (nothing lost) until MessagingModule is started in this process.
            throw new Error('notifications: no mailer bound in this process (import MessagingModule)');
          }
          await boundMailer.enqueue({ ...message, dedupeKey: event.id }, trx);
          produced.add(event.id);
        } catch (error) {
          throw new ProjectionHandlerError(NOTIFICATIONS_PROJECTION, event, error);
        }
      }
    },
  };
}
