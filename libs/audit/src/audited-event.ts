import type { EventMetadata, PositionCodec, RecordedEvent } from '#ardoise/event-store';
import { streamCategory } from '#ardoise/kernel';

/** One event as the audit API and the NDJSON export show it. */
export interface AuditedEvent {
  /** Encoded global position (opaque; usable as a paging cursor). */
  position: string;
  streamId: string;
  /** Stream category: the part of the stream id before the first '-'. */
  category: string;
  revision: number;
  id: string;
  type: string;
  data: unknown;
  metadata: EventMetadata;
  recordedAt: string;
  hash: string;
  previousHash: string;
}

export function toAuditedEvent(event: RecordedEvent, positions: PositionCodec, data: unknown = event.data): AuditedEvent {
  return {
    position: positions.encode(event.position),
    streamId: event.streamId,
    category: streamCategory(event.streamId),
    revision: Number(event.revision),
    id: event.id,
    type: event.type,
    data,
    metadata: event.metadata,
    recordedAt: new Date(event.recordedAt).toISOString(),
    hash: event.hash,
    previousHash: event.previousHash,
  };
}
