import { escapeLike } from '#ardoise/kernel';
import type { RecordedEvent } from '../event-store.port.js';
import { toPosition } from './position.js';

/** Columns every reader selects (bigint and xid8 as text, so nothing loses precision). */
export const EVENT_COLUMNS = `global_position::text AS global_position, transaction_id::text AS transaction_id,
  stream_id, revision::text AS revision, event_id::text AS event_id, type, data, metadata, hash, previous_hash, recorded_at`;

export interface EventRow {
  global_position: string;
  transaction_id: string;
  stream_id: string;
  revision: string;
  event_id: string;
  type: string;
  data: unknown;
  metadata: RecordedEvent['metadata'];
  hash: string;
  previous_hash: string;
  recorded_at: Date;
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    type: row.type,
    data: row.data,
    metadata: row.metadata,
    streamId: row.stream_id,
    revision: BigInt(row.revision),
    position: toPosition({ transactionId: BigInt(row.transaction_id), globalPosition: BigInt(row.global_position) }),
    recordedAt: row.recorded_at,
    hash: row.hash,
    previousHash: row.previous_hash,
  };
}

/** `LIKE` pattern matching strings that start with `prefix`. */
export function likePrefix(prefix: string): string {
  return `${escapeLike(prefix)}%`;
}
