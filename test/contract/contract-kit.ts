import { randomUUID } from 'node:crypto';
import type { EventData, RecordedEvent } from '#ardoise/event-store';

/** Fixtures and helpers of the event-store contract (event-store.contract.ts). */

export const stream = (category = 'contract') => `${category}-${randomUUID()}`;
export const category = () => `c${randomUUID().replace(/-/g, '').slice(0, 12)}`;

export function event(type = 'SomethingHappened', data: unknown = { n: 1 }): EventData {
  return {
    id: randomUUID(),
    type,
    data,
    metadata: {
      actor: { userId: 'user-1', role: 'agent' },
      correlationId: randomUUID(),
      causationId: randomUUID(),
      occurredAt: '2026-09-01T08:00:00.000Z',
      schemaVersion: 1,
    },
  };
}
export const events = (n: number, type?: string) => Array.from({ length: n }, (_, i) => event(type, { i }));

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

export async function expectRejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/** Pulls exactly `n` items from a live iterator, failing after `timeoutMs`. */
export async function take(iterator: AsyncIterator<RecordedEvent>, n: number, timeoutMs = 10_000): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  const deadline = Date.now() + timeoutMs;
  while (out.length < n) {
    const remaining = deadline - Date.now();
    let timer: NodeJS.Timeout | undefined;
    const result = await Promise.race([
      iterator.next(),
      new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), Math.max(remaining, 0)))),
    ]);
    clearTimeout(timer);
    if (result === 'timeout') throw new Error(`timed out after ${out.length}/${n} events`);
    if (result.done) throw new Error(`subscription ended after ${out.length}/${n} events`);
    out.push(result.value);
  }
  return out;
}
