import { sql, type Kysely } from 'kysely';
import type { EventStore } from '#ardoise/event-store';
import { nextAnchorHash, type Anchor } from './anchor-hash.js';
import type { AuditDatabase } from '../projections/audit-database.js';

interface AnchorRow {
  sequence: number;
  event_count: string;
  position: string;
  last_event_id: string;
  hash: string;
  created_at: Date;
}

const toAnchor = (r: AnchorRow): Anchor => ({
  sequence: Number(r.sequence),
  eventCount: Number(r.event_count),
  position: r.position,
  lastEventId: r.last_event_id,
  hash: r.hash,
  createdAt: r.created_at,
});

/**
 * Extends the anchors over `$all` (anchor-hash.ts): from the last anchor, reads the log in
 * global order (the store's safe order: nothing committed later can come before) and
 * writes an anchor every `every` events. Idempotent and safe to run from several processes
 * at once: anchors are numbered and a number is written once.
 */
export class AuditAnchors {
  constructor(
    private readonly db: Kysely<AuditDatabase>,
    private readonly store: EventStore,
    readonly every: number,
  ) {
    if (!Number.isSafeInteger(every) || every < 1) throw new RangeError('anchor interval must be >= 1');
  }

  async list(): Promise<Anchor[]> {
    const { rows } = await sql<AnchorRow>`SELECT sequence, event_count::text AS event_count, position, last_event_id::text AS last_event_id, hash, created_at
      FROM audit_anchors ORDER BY sequence`.execute(this.db);
    return rows.map(toAnchor);
  }

  async last(): Promise<Anchor | undefined> {
    const { rows } = await sql<AnchorRow>`SELECT sequence, event_count::text AS event_count, position, last_event_id::text AS last_event_id, hash, created_at
      FROM audit_anchors ORDER BY sequence DESC LIMIT 1`.execute(this.db);
    return rows[0] ? toAnchor(rows[0]) : undefined;
  }

  /** Writes the anchors the log now allows; returns how many. */
  async extend(): Promise<number> {
    const last = await this.last();
    let sequence = last?.sequence ?? 0;
    let count = last?.eventCount ?? 0;
    let running = last?.hash ?? '';
    let sinceAnchor = 0;
    let written = 0;
    const fromPosition = last ? this.store.positions.decode(last.position) : undefined;
    for await (const event of this.store.readAll({ fromPosition })) {
      running = nextAnchorHash(running, event);
      count += 1;
      sinceAnchor += 1;
      if (sinceAnchor < this.every) continue;
      sequence += 1;
      sinceAnchor = 0;
      const { numAffectedRows } = await sql`
        INSERT INTO audit_anchors (sequence, event_count, position, last_event_id, hash)
        VALUES (${sequence}, ${count}, ${this.store.positions.encode(event.position)}, ${event.id}, ${running})
        ON CONFLICT DO NOTHING`.execute(this.db);
      if (!numAffectedRows) return written; // another process anchors too: leave it to them
      written += 1;
    }
    return written;
  }
}
