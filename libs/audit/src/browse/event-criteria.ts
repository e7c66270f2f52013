import { categoryPrefix, streamCategory } from '#ardoise/kernel';
import type { EventFilter, RecordedEvent } from '#ardoise/event-store';

/** What an auditor filters the log by. Every field optional; all given ones must match. */
export interface EventCriteria {
  /** Stream categories (stream id prefix before '-'), e.g. ['family', 'invoice']. */
  categories?: string[];
  eventTypes?: string[];
  /** The actor's user id (or 'system', 'seed'). */
  actorId?: string;
  /** The family staff acted for (`metadata.actor.onBehalfOfFamilyId`). */
  onBehalfOfFamilyId?: string;
  correlationId?: string;
  /** Streams whose id starts with this text (a whole stream id names one stream). */
  streamPrefix?: string;
  /**
   * Values the event's data must all mention (as a whole string value, or as part of one
   * when longer than 7 characters), e.g. a child's id and a day: the events of one reservation.
   */
  mentions?: string[];
  /** Inclusive lower bound on the time the store recorded the event (`recordedAt`). */
  from?: Date;
  /** Exclusive upper bound on the time the store recorded the event. */
  to?: Date;
}

/** The part of the criteria the store can filter by itself (stream prefix, type, period by its index on recorded time). */
export function storeFilter(criteria: EventCriteria): EventFilter | undefined {
  const filter: EventFilter = {};
  // One list of prefixes for the store: a stream prefix narrows it more than categories (checked again below).
  if (criteria.streamPrefix) filter.streamPrefixes = [criteria.streamPrefix];
  else if (criteria.categories?.length) filter.streamPrefixes = criteria.categories.map(categoryPrefix);
  if (criteria.eventTypes?.length) filter.eventTypes = [...criteria.eventTypes];
  if (criteria.from) filter.recordedFrom = criteria.from;
  if (criteria.to) filter.recordedBefore = criteria.to;
  return Object.keys(filter).length > 0 ? filter : undefined;
}

/** Whether an event meets every criterion (the store's filter included, to be adapter-proof). */
export function matchesCriteria(event: RecordedEvent, criteria: EventCriteria): boolean {
  if (criteria.categories?.length && !criteria.categories.includes(streamCategory(event.streamId))) return false;
  if (criteria.streamPrefix && !event.streamId.startsWith(criteria.streamPrefix)) return false;
  if (criteria.eventTypes?.length && !criteria.eventTypes.includes(event.type)) return false;
  if (criteria.mentions?.length && !criteria.mentions.every((value) => mentions(event.data, value))) return false;
  const metadata = event.metadata ?? ({} as RecordedEvent['metadata']);
  if (criteria.actorId !== undefined && metadata.actor?.userId !== criteria.actorId) return false;
  if (criteria.onBehalfOfFamilyId !== undefined && metadata.actor?.onBehalfOfFamilyId !== criteria.onBehalfOfFamilyId) return false;
  if (criteria.correlationId !== undefined && metadata.correlationId !== criteria.correlationId) return false;
  if (criteria.from || criteria.to) {
    const recordedAt = new Date(event.recordedAt).getTime();
    if (Number.isNaN(recordedAt)) return false;
    if (criteria.from && recordedAt < criteria.from.getTime()) return false;
    if (criteria.to && recordedAt >= criteria.to.getTime()) return false;
  }
  return true;
}

/** Whether a string value of `data` (at any depth) is `value`, or contains it when `value` is long enough not to match by chance. */
function mentions(data: unknown, value: string): boolean {
  if (typeof data === 'string') return data === value || (value.length >= 8 && data.includes(value));
  if (Array.isArray(data)) return data.some((item) => mentions(item, value));
  if (data && typeof data === 'object') return Object.values(data).some((item) => mentions(item, value));
  return false;
}
