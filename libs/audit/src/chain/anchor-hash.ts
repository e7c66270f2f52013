import { sha256Hex, type RecordedEvent } from '#ardoise/event-store';

/**
 * Anchors over `$all`: a running hash of every event in global order,
 *   running = sha256hex(running + '\n' + eventId + ' ' + eventHash), from '' before the first event,
 * stored every N events (audit_anchors). Per-stream chains cannot see the last events of a
 * stream deleted, nor events moved between streams' places in the global order; the
 * anchors can (each event's own hash already covers its content and its stream link).
 */
export function nextAnchorHash(running: string, event: Pick<RecordedEvent, 'id' | 'hash'>): string {
  return sha256Hex(`${running}\n${event.id} ${event.hash}`);
}

export interface Anchor {
  sequence: number;
  /** Events in `$all` up to and including the anchored one. */
  eventCount: number;
  /** Encoded position of the anchored (last) event. */
  position: string;
  lastEventId: string;
  hash: string;
  createdAt: Date;
}
