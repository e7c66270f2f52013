import { createHash } from 'node:crypto';

/**
 * Tamper evidence for the event log: the ONE place that computes it (both adapters on
 * append, `ardoise verify --chain` when checking). Each event's hash chains the previous
 * event's hash in its stream:
 *
 *   hash = sha256hex(previousHash + '\n' + canonicalJson({streamId, revision, type, data, metadata}))
 *
 * with previousHash = '' for revision 0. Canonical JSON: object keys sorted (by UTF-16 code
 * units, like Array.prototype.sort), no whitespace, bigint written as a decimal JSON string,
 * `toJSON()` honoured (Date → ISO string), properties whose value is undefined / a function /
 * a symbol left out and such array items written as null — i.e. exactly what the same value
 * looks like after a JSON round trip through a jsonb column (see `toStorableJson`), so a hash
 * computed before storing equals the hash recomputed from what a reader gets back.
 */
export interface HashableEvent {
  streamId: string;
  revision: bigint;
  type: string;
  data: unknown;
  metadata: unknown;
}

export function canonicalJson(value: unknown): string {
  const out = write(value, new Set());
  // A top-level undefined has no JSON form: refuse rather than hash "undefined".
  if (out === undefined) throw new TypeError('canonicalJson: value has no JSON representation');
  return out;
}

function write(value: unknown, seen: Set<object>): string | undefined {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON(): unknown }).toJSON();
  }
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: non-finite number ${value}`);
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return JSON.stringify(value.toString());
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'object': {
      if (value === null) return 'null';
      if (seen.has(value)) throw new TypeError('canonicalJson: circular structure');
      seen.add(value);
      try {
        if (Array.isArray(value)) {
          return `[${value.map((item) => write(item, seen) ?? 'null').join(',')}]`;
        }
        const parts: string[] = [];
        for (const key of Object.keys(value).sort()) {
          const item = write((value as Record<string, unknown>)[key], seen);
          if (item !== undefined) parts.push(`${JSON.stringify(key)}:${item}`);
        }
        return `{${parts.join(',')}}`;
      } finally {
        seen.delete(value);
      }
    }
  }
  throw new TypeError(`canonicalJson: unsupported value of type ${typeof value}`);
}

/** JSON text to store (jsonb): like JSON.stringify, with bigint as a decimal string. */
export function toStorableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The hash of one event given the previous event's hash in its stream ('' for revision 0). */
export function computeEventHash(previousHash: string, event: HashableEvent): string {
  const canonical = canonicalJson({
    streamId: event.streamId,
    revision: event.revision,
    type: event.type,
    data: event.data,
    metadata: event.metadata,
  });
  return sha256Hex(`${previousHash}\n${canonical}`);
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
