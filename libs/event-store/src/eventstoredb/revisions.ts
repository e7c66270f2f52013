import type { ExpectedRevision } from '../event-store.port.js';

/** What the EventStoreDB client may report as an expected revision (legacy codes included). */
export type ClientExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint | number | string;
/** What the EventStoreDB client may report as a current revision. */
export type ClientCurrentRevision = 'no_stream' | bigint | number | string | undefined | null;

// The server's legacy ExpectedVersion codes, as they still surface in gRPC trailers.
const LEGACY_EXPECTED: Record<string, ExpectedRevision> = { '-1': 'no_stream', '-2': 'any', '-4': 'stream_exists' };

/** Normalise an expected revision from the client (bigint, number, string, legacy code) to the port's. */
export function toPortExpectedRevision(value: ClientExpectedRevision): ExpectedRevision {
  if (value === 'any' || value === 'no_stream' || value === 'stream_exists') return value;
  const revision = BigInt(value);
  return LEGACY_EXPECTED[revision.toString()] ?? revision;
}

/** Normalise a current revision from the client: 'no_stream' (or a negative code) → undefined. */
export function toPortCurrentRevision(value: ClientCurrentRevision): bigint | undefined {
  if (value === undefined || value === null || value === 'no_stream' || value === '') return undefined;
  const revision = BigInt(value);
  return revision < 0n ? undefined : revision;
}

/** The revision the first of `count` new events gets after `head` (undefined = no stream). */
export function firstNewRevision(head: bigint | undefined): bigint {
  return head === undefined ? 0n : head + 1n;
}

/**
 * How an append relates to the stream's current head, before anything is written.
 * - `append`: write at the head (the only expectation sent to the server is the exact head, so
 *   the hash chain computed from it can never be broken by a concurrent writer);
 * - `check-duplicate`: the stream is past what the caller expected: the events from
 *   `fromRevision` must be these very events (an idempotent retry), or it is a conflict;
 * - `conflict`: the expectation cannot hold.
 */
export type AppendPlan = { kind: 'append' } | { kind: 'check-duplicate'; fromRevision: bigint } | { kind: 'check-tail' } | { kind: 'conflict' };

export function planAppend(expected: ExpectedRevision, head: bigint | undefined): AppendPlan {
  if (expected === 'any') return head === undefined ? { kind: 'append' } : { kind: 'check-tail' };
  if (expected === 'stream_exists') return head === undefined ? { kind: 'conflict' } : { kind: 'check-tail' };
  if (expected === 'no_stream') return head === undefined ? { kind: 'append' } : { kind: 'check-duplicate', fromRevision: 0n };
  const revision = BigInt(expected);
  if (head === revision) return { kind: 'append' };
  if (head !== undefined && head > revision) return { kind: 'check-duplicate', fromRevision: revision + 1n };
  return { kind: 'conflict' };
}
