import { sql, type Transaction } from 'kysely';
import type { RecordedEvent } from '#ardoise/event-store';
import { ProjectionHandlerError, type BatchContext, type Projector, type ReadModelTable, type TableNames } from '#ardoise/projections';
import type { Mailer, MailMessage } from '#ardoise/runtime';
import { OUTBOX_TABLE } from '../mail/outbox-mailer.js';
import { FamilyRecipients } from './family-recipients.js';

export interface NotificationContext {
  trx: Transaction<any>;
  /** Physical names of the tables the sources declared (this projector's generation). */
  tables: TableNames;
  /** The engine's context of the batch (a rebuild's WrittenKeys), for the sources' RowSets. */
  batch: BatchContext;
  /**
   * The parent logins of the families the batch's events name (`data.familyId`), read once for
   * the batch: whom a family's e-mail goes to (`emailOf`).
   */
  recipients: FamilyRecipients;
  /** Whether the e-mail of this event of the batch is to be written (not produced yet, recent enough). */
  wanted(event: RecordedEvent): boolean;
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
 * A source's builders over a whole batch (a source keeping tables: one load and one write per
 * table, not one per event). `build` is given EVERY event of the batch whose type is in
 * `types`, in log order, so that its tables stay complete, and answers the e-mails by event id;
 * only those of wanted events (`context.wanted`) are written, so it need not read anything
 * (recipient, key) for the others. At most one e-mail per event.
 */
export interface BatchMailBuilder {
  readonly types: readonly string[];
  build(events: readonly RecordedEvent[], context: NotificationContext): Promise<ReadonlyMap<string, MailMessage>>;
}

/**
 * What a bounded context contributes to the notifications: builders, event by event (`mails`)
 * or over the batch (`batch`), and the small read-model tables its builders keep. Reservations
 * (waitlist promotion) and invoicing (invoice available, payment received) add theirs in
 * libs/composition/src/projectors.ts.
 */
export interface NotificationSource {
  readonly mails?: Readonly<Record<string, MailBuilder>>;
  readonly batch?: BatchMailBuilder;
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
  const batchBuilders: { builder: BatchMailBuilder; types: ReadonlySet<string> }[] = [];
  const types = new Set<string>();
  // One e-mail per event (its id is the dedupe key): two builders for one type would lose one.
  const claim = (type: string) => {
    if (types.has(type)) throw new Error(`notifications: two mail builders for ${type}`);
    types.add(type);
  };
  for (const source of sources) {
    for (const [type, build] of Object.entries(source.mails ?? {})) {
      claim(type);
      builders.set(type, { build, keepsTables: (source.tables ?? []).length > 0 });
    }
    if (source.batch) {
      source.batch.types.forEach(claim);
      batchBuilders.push({ builder: source.batch, types: new Set(source.batch.types) });
    }
  }
  return {
    name: NOTIFICATIONS_PROJECTION,
    version: 2, // 2: notification_requests keeps the subject sealed
    filter: { eventTypes: [...types] },
    tables: sources.flatMap((source) => source.tables ?? []),
    /**
     * The batch's e-mails already in the outbox are read in one query, the recipients of the
     * families its wanted events name in one more (when a builder asks). A builder whose
     * source keeps no table only makes the e-mail: it is not run when no e-mail would be
     * written (already produced — a rebuild —, or too old). A builder that keeps tables
     * always runs, so its tables stay complete. The e-mails are written in log order.
     */
    async applyBatch(events, trx, tables, batch) {
      const produced = await producedMails(trx, events);
      const now = Date.now();
      const wanted = (event: RecordedEvent) => !produced.has(event.id) && now - event.recordedAt.getTime() <= NOTIFICATION_MAX_AGE_MS;
      const familyIds = events.filter(wanted).flatMap((e) => familyIdOf(e) ?? []);
      const context: NotificationContext = { trx, tables, batch, recipients: new FamilyRecipients(trx, familyIds), wanted };
      const messages = new Map<string, MailMessage>();
      for (const { builder, types: own } of batchBuilders) {
        const mine = events.filter((e) => own.has(e.type));
        if (mine.length > 0) for (const [id, message] of await builder.build(mine, context)) messages.set(id, message);
      }
      for (const event of events) {
        const builder = builders.get(event.type);
        if (!builder || (!wanted(event) && !builder.keepsTables)) continue;
        try {
          const message = await builder.build(event, context);
          if (message) messages.set(event.id, message);
        } catch (error) {
          throw new ProjectionHandlerError(NOTIFICATIONS_PROJECTION, event, error);
        }
      }
      for (const event of events) {
        const message = messages.get(event.id);
        if (!message || !wanted(event)) continue;
        try {
          if (!boundMailer) {
            // Fails the batch: the runner retries it (nothing lost) until MessagingModule is started in this process.
            throw new Error('notifications: no mailer bound in this process (import MessagingModule)');
          }
          await boundMailer.enqueue({ ...message, dedupeKey: event.id }, trx);
        } catch (error) {
          throw new ProjectionHandlerError(NOTIFICATIONS_PROJECTION, event, error);
        }
      }
    },
  };
}

/** The ids of the batch's events whose e-mail is already in the outbox (their dedupe key). */
async function producedMails(trx: Transaction<any>, events: readonly RecordedEvent[]): Promise<Set<string>> {
  const ids = events.map((e) => e.id);
  const rows = await trx
    .selectFrom(OUTBOX_TABLE)
    .select('dedupe_key')
    .where(sql<boolean>`dedupe_key = ANY(${ids}::text[])`)
    .execute();
  return new Set(rows.map((row) => String(row.dedupe_key)));
}

function familyIdOf(event: RecordedEvent): string | undefined {
  const familyId = (event.data as { familyId?: unknown } | null)?.familyId;
  return typeof familyId === 'string' ? familyId : undefined;
}
