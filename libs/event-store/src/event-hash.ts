import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/**
 * Tamper evidence for the event log: the ONE place that computes it (both adapters on
 * append, `ardoise verify --chain` when checking). Each event's hash chains the previous
 * event's hash in its stream (docs/audit-hash.md, decision 0007):
 *
 *   hash = lowercase hex SHA-256 of the UTF-8 bytes of
 *          previousHash + "\n" + JCS({ streamId, revision, type, data, metadata })
 *
 * previousHash is '' for revision 0; revision is written as a decimal string; JCS is the JSON
 * Canonicalization Scheme (RFC 8785), applied to data and metadata exactly as the store keeps
 * them (JSON: bigint as a decimal string, Dates through toJSON, undefined properties left out),
 * so an outside auditor recomputes every hash from an export with any JCS library.
 */
export interface HashableEvent {
  streamId: string;
  revision: bigint;
  type: string;
  data: unknown;
  metadata: unknown;
}

/** RFC 8785 (JCS) text of a JSON value; throws a TypeError when it has none (NaN, a lone surrogate, a cycle…). */
export function canonicalJson(value: unknown): string {
  let out: string | undefined;
  try {
    out = canonicalize(asStoredJson(value));
  } catch (error) {
    throw new TypeError(`canonicalJson: ${(error as Error).message}`, { cause: error });
  }
  // A top-level undefined has no JSON form: refuse rather than hash "undefined".
  if (out === undefined) throw new TypeError('canonicalJson: value has no JSON representation');
  return out;
}

/** JSON text to store (jsonb): like JSON.stringify, with bigint as a decimal string. */
export function toStorableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

/**
 * The value as a reader gets it back from the store (what is hashed), JSON-only; a number
 * JSON cannot hold (NaN, ±Infinity, which JSON.stringify would quietly store as null) is refused.
 */
function asStoredJson(value: unknown): unknown {
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'bigint') return v.toString();
    if (typeof v === 'number' && !Number.isFinite(v)) throw new TypeError(`non-finite number ${v}`);
    return v;
  }) as string | undefined;
  return text === undefined ? undefined : JSON.parse(text);
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The exact text that is hashed for one event (after `previousHash + "\n"`). */
export function canonicalEventText(event: HashableEvent): string {
  return canonicalJson({
    streamId: event.streamId,
    revision: event.revision.toString(),
    type: event.type,
    data: event.data,
    metadata: event.metadata,
  });
}

/** The hash of one event given the previous event's hash in its stream ('' for revision 0). */
export function computeEventHash(previousHash: string, event: HashableEvent): string {
  return sha256Hex(`${previousHash}\n${canonicalEventText(event)}`);
}

export interface ChainedEvent extends HashableEvent {
  hash: string;
  previousHash: string;
}

export type ChainBreak =
  | { kind: 'revision-gap'; streamId: string; revision: bigint; expectedRevision: bigint }
  | { kind: 'previous-hash-mismatch'; streamId: string; revision: bigint; expected: string; actual: string }
  | { kind: 'hash-mismatch'; streamId: string; revision: bigint; expected: string; actual: string };

/**
 * Checks one stream's chain, read forwards from revision 0 (or from any revision when
 * `previousHash` of the first event is trusted, e.g. when resuming). Returns the first
 * broken link, or undefined when the chain holds.
 */
export async function findFirstBrokenLink(
  events: Iterable<ChainedEvent> | AsyncIterable<ChainedEvent>,
  start?: { revision: bigint; previousHash: string },
): Promise<ChainBreak | undefined> {
  let expectedRevision = start?.revision;
  let previousHash = start?.previousHash;
  for await (const event of events) {
    if (expectedRevision === undefined) {
      // Without a trusted start, the first event must be revision 0.
      expectedRevision = 0n;
      previousHash = '';
    }
    if (event.revision !== expectedRevision) {
      return { kind: 'revision-gap', streamId: event.streamId, revision: event.revision, expectedRevision };
    }
    if (event.previousHash !== previousHash) {
      return {
        kind: 'previous-hash-mismatch',
        streamId: event.streamId,
        revision: event.revision,
        expected: previousHash!,
        actual: event.previousHash,
      };
    }
    const expected = computeEventHash(previousHash!, event);
    if (event.hash !== expected) {
      return { kind: 'hash-mismatch', streamId: event.streamId, revision: event.revision, expected, actual: event.hash };
    }
    previousHash = event.hash;
    expectedRevision = event.revision + 1n;
  }
  return undefined;
}
