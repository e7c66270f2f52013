import { sql, type Kysely } from 'kysely';
import { NotFoundError } from '#ardoise/kernel';
import { PostgresEventStore, type EventStore, type RecordedEvent } from '#ardoise/event-store';
import { toAuditedEvent, type AuditedEvent } from '../audited-event.js';
import { storedDataRevealer, type AuditReader, type EventRevealer } from '../event-revealer.js';
import type { AuditDatabase } from '../projections/audit-database.js';

/** One event of a causation chain, with what caused it. */
export interface ChainedAuditedEvent extends AuditedEvent {
  /** The event of the chain that caused this one (a reaction), or null when the request itself did. */
  causedBy: string | null;
  /** 0 for what the request produced, 1 for a reaction to it, … */
  depth: number;
}

export interface CausationChain {
  correlationId: string;
  /** The request's events and the reactions they triggered, in the log's global order. */
  events: ChainedAuditedEvent[];
  /** True when the chain had more events than shown. */
  truncated: boolean;
}

const MAX_CHAIN = 300;
const MAX_REACTION_DEPTH = 6;

interface Located {
  stream_id: string;
  revision: string;
  event_id: string;
}

/**
 * Finds one event by its id, and the chain of what caused it: every event of its
 * correlation (the request and what it produced) and, transitively, the reactions whose
 * causation is one of them (an e-mail after a validation, a payment after an invoice).
 * On PostgreSQL the events table answers through its indexes; any other adapter is scanned.
 */
export class EventLookup {
  constructor(
    private readonly store: EventStore,
    private readonly db: Kysely<AuditDatabase>,
    private readonly revealer: EventRevealer = storedDataRevealer,
  ) {}

  async byId(eventId: string, reader: AuditReader): Promise<AuditedEvent> {
    const event = await this.find(eventId);
    return toAuditedEvent(event, this.store.positions, await this.revealer.reveal(event, reader));
  }

  async causation(eventId: string, reader: AuditReader): Promise<CausationChain> {
    const origin = await this.find(eventId);
    const correlationId = origin.metadata.correlationId;
    const { events, truncated } = this.store instanceof PostgresEventStore ? await this.chainInTable(correlationId) : await this.chainByScan(correlationId);
    const depthOf = new Map<string, number>();
    const chained: ChainedAuditedEvent[] = [];
    for (const event of events) {
      const causedBy = depthOf.has(event.metadata.causationId) ? event.metadata.causationId : null;
      const depth = causedBy === null ? 0 : depthOf.get(causedBy)! + 1;
      depthOf.set(event.id, depth);
      chained.push({ ...toAuditedEvent(event, this.store.positions, await this.revealer.reveal(event, reader)), causedBy, depth });
    }
    return { correlationId, events: chained, truncated };
  }

  private async find(eventId: string): Promise<RecordedEvent> {
    const notFound = () => new NotFoundError('AUDIT.EVENT_NOT_FOUND', 'Événement introuvable.', `event ${eventId} not found`);
    if (!/^[0-9a-fA-F-]{36}$/.test(eventId)) throw notFound();
    if (this.store instanceof PostgresEventStore) {
      const { rows } =
        await sql<Located>`SELECT stream_id, revision::text AS revision, event_id::text AS event_id FROM events WHERE event_id = ${eventId}::uuid`.execute(
          this.db,
        );
      const found = rows[0] ? await this.read(rows[0]) : undefined;
      if (!found) throw notFound();
      return found;
    }
    for await (const event of this.store.readAll()) if (event.id === eventId) return event;
    throw notFound();
  }

  private async read(row: Located): Promise<RecordedEvent | undefined> {
    for await (const event of this.store.readStream(row.stream_id, { fromRevision: BigInt(row.revision), maxCount: 1 })) return event;
    return undefined;
  }

  /** The correlation's events, then the reactions to them, level by level; read back through the store. */
  private async chainInTable(correlationId: string): Promise<{ events: RecordedEvent[]; truncated: boolean }> {
    const { rows } = await sql<Located & { global_position: string }>`
      SELECT stream_id, revision::text AS revision, event_id::text AS event_id, global_position::text AS global_position
      FROM events WHERE metadata->>'correlationId' = ${correlationId}
      ORDER BY transaction_id, global_position LIMIT ${MAX_CHAIN + 1}`.execute(this.db);
    const found = new Map(rows.map((r) => [r.event_id, r]));
    let causes = [...found.keys()];
    for (let depth = 0; depth < MAX_REACTION_DEPTH && causes.length > 0 && found.size <= MAX_CHAIN; depth++) {
      const { rows: reactions } = await sql<Located & { global_position: string }>`
        SELECT stream_id, revision::text AS revision, event_id::text AS event_id, global_position::text AS global_position
        FROM events WHERE metadata->>'causationId' = ANY(${causes}::text[]) AND NOT (event_id::text = ANY(${[...found.keys()]}::text[]))
        LIMIT ${MAX_CHAIN + 1}`.execute(this.db);
      causes = reactions.map((r) => r.event_id);
      for (const reaction of reactions) found.set(reaction.event_id, reaction);
    }
    const ordered = [...found.values()].sort((a, b) => (BigInt(a.global_position) < BigInt(b.global_position) ? -1 : 1)).slice(0, MAX_CHAIN);
    const events: RecordedEvent[] = [];
    for (const row of ordered) {
      const event = await this.read(row);
      if (event) events.push(event);
    }
    // Causes come before their reactions in the log's order.
    const order = new Map(events.map((e, i) => [e.id, i]));
    events.sort((a, b) => this.store.positions.compare(a.position, b.position) || order.get(a.id)! - order.get(b.id)!);
    return { events, truncated: found.size > MAX_CHAIN };
  }

  /** One pass over the log in global order: a reaction always comes after its cause. */
  private async chainByScan(correlationId: string): Promise<{ events: RecordedEvent[]; truncated: boolean }> {
    const ids = new Set<string>();
    const events: RecordedEvent[] = [];
    for await (const event of this.store.readAll()) {
      if (event.metadata.correlationId !== correlationId && !ids.has(event.metadata.causationId)) continue;
      if (events.length >= MAX_CHAIN) return { events, truncated: true };
      ids.add(event.id);
      events.push(event);
    }
    return { events, truncated: false };
  }
}
