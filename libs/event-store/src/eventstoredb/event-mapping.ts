import { jsonEvent, type JSONEventData, type ResolvedEvent, type AllStreamResolvedEvent } from '@eventstore/db-client';
import type { EventData, EventMetadata, Position, RecordedEvent } from '../event-store.port.js';
import { toPortPosition } from './position.js';

/** What is stored as an EventStoreDB event's metadata JSON: the port's metadata plus the hash chain. */
export type StoredMetadata = EventMetadata & { hash: string; previousHash: string };

/** The client's resolved event, from a stream read, a $all read or a subscription. */
export type ClientResolvedEvent = ResolvedEvent | AllStreamResolvedEvent;
type ClientRecordedEvent = NonNullable<ClientResolvedEvent['event']>;

/** A port event, with its hash and its predecessor's, as the client's JSON event. */
export function toClientEvent(event: EventData, hash: string, previousHash: string): JSONEventData {
  const metadata: StoredMetadata = { ...event.metadata, hash, previousHash };
  return jsonEvent({
    id: event.id,
    type: event.type,
    // The client JSON-encodes data itself; its typing only admits objects, arrays and strings.
    data: event.data as Record<string, unknown>,
    metadata: metadata as unknown as Record<string, unknown>,
  });
}

const parseIfBytes = (value: unknown): unknown => {
  if (value instanceof Uint8Array) {
    if (value.length === 0) return undefined;
    try {
      return JSON.parse(Buffer.from(value).toString('utf8'));
    } catch {
      return value;
    }
  }
  return value;
};

/**
 * The client's recorded event → the port's. Returns undefined for what is not an application
 * event (a link or an unresolved link without its target). Revisions and positions are
 * normalised with BigInt; `fallbackPosition` serves servers older than 22.6 that send no
 * position on stream reads.
 */
export function toRecordedEvent(resolved: ClientResolvedEvent, fallbackPosition?: Position): RecordedEvent | undefined {
  const event: ClientRecordedEvent | undefined = resolved.event;
  if (!event) return undefined;
  const rawMetadata = parseIfBytes(event.metadata);
  const {
    hash = '',
    previousHash = '',
    ...metadata
  } = rawMetadata && typeof rawMetadata === 'object' && !(rawMetadata instanceof Uint8Array)
    ? (rawMetadata as Partial<StoredMetadata>)
    : ({} as Partial<StoredMetadata>);
  const rawPosition =
    event.position ?? (resolved.commitPosition !== undefined ? { commit: resolved.commitPosition, prepare: resolved.commitPosition } : undefined);
  const position = rawPosition ? toPortPosition(rawPosition) : fallbackPosition;
  if (!position) {
    throw new Error(`EventStoreDB returned event ${event.id} of ${event.streamId} without a position: Ardoise needs EventStoreDB 22.6 or later`);
  }
  return {
    id: event.id,
    type: event.type,
    data: event.isJson ? event.data : parseIfBytes(event.data),
    metadata: metadata as EventMetadata,
    streamId: event.streamId,
    revision: BigInt(event.revision),
    position,
    recordedAt: event.created instanceof Date ? event.created : new Date(event.created as unknown as string),
    hash,
    previousHash,
  };
}
