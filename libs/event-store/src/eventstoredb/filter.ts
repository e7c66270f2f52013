import { eventTypeFilter, excludeSystemEvents, streamNameFilter, type Filter } from '@eventstore/db-client';
import type { EventFilter } from '../event-store.port.js';

/** EventStoreDB's own events and streams ($metadata, $stats-…, $> links, …) are never the application's. */
export function isSystemEvent(streamId: string, type: string): boolean {
  return streamId.startsWith('$') || type.startsWith('$');
}

/** The full port filter, applied on the client: the server filter can only do one dimension. */
export function matchesFilter(streamId: string, type: string, filter: EventFilter | undefined, recordedAt?: Date): boolean {
  if (isSystemEvent(streamId, type)) return false;
  if (!filter) return true;
  const { streamPrefixes, eventTypes } = filter;
  if (streamPrefixes && !streamPrefixes.some((prefix) => streamId.startsWith(prefix))) return false;
  if (eventTypes && !eventTypes.includes(type)) return false;
  if (recordedAt && filter.recordedFrom && recordedAt < filter.recordedFrom) return false;
  if (recordedAt && filter.recordedBefore && recordedAt >= filter.recordedBefore) return false;
  return true;
}

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * The server-side part of a filter for subscribeToAll. EventStoreDB filters on the stream name
 * OR the event type, not both: the stream prefixes go to the server when given (usually the
 * most selective), else the exact event types as an anchored regex, else "no system events".
 * The client then re-checks the whole filter with `matchesFilter`.
 *
 * An empty list means "matches nothing": the server gets a filter that can match no
 * application event, rather than none (which would stream everything).
 */
export function toServerFilter(filter: EventFilter | undefined, checkpointInterval = 32): Filter {
  const streamPrefixes = filter?.streamPrefixes;
  const eventTypes = filter?.eventTypes;
  if (streamPrefixes) {
    if (streamPrefixes.length === 0) return streamNameFilter({ regex: '^$', checkpointInterval });
    return streamNameFilter({ prefixes: [...streamPrefixes], checkpointInterval });
  }
  if (eventTypes) {
    const types = eventTypes.filter((type) => !type.startsWith('$'));
    const regex = types.length === 0 ? '^$' : `^(?:${types.map(escapeRegex).join('|')})$`;
    return eventTypeFilter({ regex, checkpointInterval });
  }
  return excludeSystemEvents({ checkpointInterval });
}
