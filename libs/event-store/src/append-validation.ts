import { ValidationError, isUuid, type FieldError } from '#ardoise/kernel';
import type { EventData, ExpectedRevision } from './event-store.port.js';

/**
 * Checks an append's input the same way for every adapter; throws a ValidationError
 * listing every problem. (A programming error upstream, but said clearly.)
 */
export function validateAppend(streamId: unknown, events: unknown, expectedRevision: unknown): asserts events is EventData[] {
  const errors: FieldError[] = [];
  const fail = (field: string, message: string) => errors.push({ field, messages: [message] });
  if (typeof streamId !== 'string' || streamId.length === 0 || streamId.length > 512 || streamId.startsWith('$')) {
    fail('streamId', 'must be a non-empty string of at most 512 characters, not starting with "$"');
  }
  if (!isExpectedRevision(expectedRevision)) {
    fail('expectedRevision', "must be 'any', 'no_stream', 'stream_exists' or a bigint >= 0");
  }
  if (!Array.isArray(events) || events.length === 0) {
    fail('events', 'must be a non-empty array');
  } else {
    const ids = new Set<string>();
    events.forEach((event: Partial<EventData> | null, i) => {
      const at = `events[${i}]`;
      if (event === null || typeof event !== 'object') return fail(at, 'must be an object');
      if (!isUuid(event.id)) fail(`${at}.id`, 'must be a uuid');
      else if (ids.has(event.id.toLowerCase())) fail(`${at}.id`, `duplicate event id ${event.id} in the same append`);
      else ids.add(event.id.toLowerCase());
      if (typeof event.type !== 'string' || event.type.length === 0 || event.type.length > 256) {
        fail(`${at}.type`, 'must be a non-empty string');
      }
      if (event.data === undefined || typeof event.data === 'function') fail(`${at}.data`, 'must be JSON data');
      if (event.metadata === null || typeof event.metadata !== 'object' || Array.isArray(event.metadata)) {
        fail(`${at}.metadata`, 'must be an object');
      }
    });
  }
  if (errors.length > 0) throw new ValidationError(errors, "Écriture d'événements refusée : données invalides.");
}

export function isExpectedRevision(value: unknown): value is ExpectedRevision {
  return value === 'any' || value === 'no_stream' || value === 'stream_exists' || (typeof value === 'bigint' && value >= 0n);
}
