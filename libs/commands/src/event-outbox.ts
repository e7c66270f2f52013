import { sql, type Kysely } from 'kysely';
import type { Migrations } from '#ardoise/database';
import type { EventData, EventStore } from '#ardoise/event-store';

export const eventOutboxMigrations: Migrations = {
  'commands/0002-event-outbox': {
    async up(db: Kysely<any>) {
      await sql`
        CREATE TABLE event_outbox (
          id         uuid        PRIMARY KEY,
          stream_id  text        NOT NULL,
          events     jsonb       NOT NULL,
          staged_at  timestamptz NOT NULL DEFAULT now()
        )`.execute(db);
    },
  },
};

/** Events decided by the pipeline (ids and metadata filled), waiting in the outbox for their append. */
export interface StagedAppend {
  id: string;
  streamId: string;
  events: EventData[];
}

/** A staged append the relay did not manage to append yet is retried after this long. */
const RELAY_AFTER_MS = 5_000;

/**
 * For a command that changes a row of ours AND records events (a login created with its
 * family; decision 0012): the events, decided by the command pipeline beforehand, are
 * staged in the SAME database transaction as the row, then appended right after the commit
 * (`flush`). A crash or a failure in between leaves them staged; the relay appends them
 * later. An append is idempotent (same event ids), so flushing twice is harmless. There is
 * never a committed row without its events for longer than the relay's period, and never
 * events whose row was rolled back — on either event-store adapter, since no transaction
 * has to span the database and the store.
 *
 * Staged events are appended with `any`: stage only facts that hold whatever else the
 * stream receives meanwhile, because the staging transaction itself guarantees they happen
 * once (an activation link consumed once, a login e-mail unique).
 */
export class EventOutbox {
  constructor(
    private readonly db: Kysely<any>,
    private readonly store: EventStore,
  ) {}

  /** In the caller's transaction. */
  async stage(trx: Kysely<any>, appends: StagedAppend[]): Promise<void> {
    const some = appends.filter((a) => a.events.length > 0);
    if (some.length === 0) return;
    await trx
      .insertInto('event_outbox')
      .values(some.map((a) => ({ id: a.id, stream_id: a.streamId, events: JSON.stringify(a.events) })))
      .execute();
  }

  /** After the commit: appends what was staged. Failures are left to the relay (the facts are safe in the outbox). */
  async flush(appends: StagedAppend[]): Promise<{ pending: number }> {
    let pending = 0;
    for (const append of appends) {
      if (append.events.length === 0) continue;
      try {
        await this.appendAndClear(append);
      } catch {
        pending++;
      }
    }
    return { pending };
  }

  /** Appends what a crash or a failure left staged for a while; returns how many appends it made. */
  async relay(olderThanMs = RELAY_AFTER_MS): Promise<number> {
    const rows = await this.db
      .selectFrom('event_outbox')
      .select(['id', 'stream_id', 'events'])
      .where('staged_at', '<', new Date(Date.now() - olderThanMs))
      .orderBy('staged_at')
      .limit(500)
      .execute();
    for (const row of rows) await this.appendAndClear({ id: row.id, streamId: row.stream_id, events: row.events as EventData[] });
    return rows.length;
  }

  private async appendAndClear(append: StagedAppend): Promise<void> {
    await this.store.append(append.streamId, append.events, { expectedRevision: 'any' });
    await this.db.deleteFrom('event_outbox').where('id', '=', append.id).execute();
  }
}
