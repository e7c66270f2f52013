import { computeEventHash, type RecordedEvent } from '#ardoise/event-store';

export type ChainBreakKind =
  /** The stored hash is not the hash of the stored content: the event was edited. */
  | 'hash-mismatch'
  /** The event does not chain to the previous event's hash: an event was replaced or inserted. */
  | 'previous-hash-mismatch'
  /** A revision never came: the event was deleted. */
  | 'missing-event'
  /** A revision came after a later one: events were reordered. */
  | 'out-of-order';

export interface ChainLinkBreak {
  kind: ChainBreakKind;
  streamId: string;
  /** The revision where the chain breaks (for a missing event: the missing revision). */
  revision: number;
  /** The event found there (for a missing event: the event found in its place). */
  eventId: string;
  position: string;
  /** Hash (or revision, for missing-event / out-of-order) the chain expects… */
  expected: string;
  /** …and what is stored. */
  stored: string;
}

interface Head {
  revision: bigint;
  hash: string;
}

/**
 * Checks every stream's hash chain in one pass over `$all` (a stream's events come in
 * revision order there): each event must be the next revision, chain to the previous
 * event's hash, and hash to its stored hash (event-hash.ts). Keeps the first broken link of
 * each stream and stops checking that stream (one tampering would otherwise be reported
 * again at every later event).
 */
export class StreamChainChecker {
  private readonly heads = new Map<string, Head>();
  private readonly breaks = new Map<string, ChainLinkBreak>();
  private readonly gaps = new Map<string, bigint>();
  private readonly streams = new Set<string>();

  constructor(private readonly encodePosition: (event: RecordedEvent) => string) {}

  check(event: RecordedEvent): void {
    const { streamId } = event;
    this.streams.add(streamId);
    const pendingGap = this.gaps.get(streamId);
    if (pendingGap !== undefined && event.revision === pendingGap) {
      // The revision we missed arrives late: the events were reordered, not deleted.
      const found = this.breaks.get(streamId)!;
      this.breaks.set(streamId, { ...found, kind: 'out-of-order' });
      this.gaps.delete(streamId);
      return;
    }
    if (this.breaks.has(streamId)) return;
    const head = this.heads.get(streamId);
    const expectedRevision = head ? head.revision + 1n : 0n;
    const previousHash = head ? head.hash : '';
    const at = { streamId, revision: Number(event.revision), eventId: event.id, position: this.encodePosition(event) };
    if (event.revision !== expectedRevision) {
      this.breaks.set(streamId, {
        ...at,
        kind: 'missing-event',
        revision: Number(expectedRevision),
        expected: expectedRevision.toString(),
        stored: event.revision.toString(),
      });
      if (event.revision > expectedRevision) this.gaps.set(streamId, expectedRevision);
      return;
    }
    if (event.previousHash !== previousHash) {
      this.breaks.set(streamId, { ...at, kind: 'previous-hash-mismatch', expected: previousHash, stored: event.previousHash });
      return;
    }
    const expected = computeEventHash(previousHash, event);
    if (expected !== event.hash) {
      this.breaks.set(streamId, { ...at, kind: 'hash-mismatch', expected, stored: event.hash });
      return;
    }
    this.heads.set(streamId, { revision: event.revision, hash: event.hash });
  }

  get streamsChecked(): number {
    return this.streams.size;
  }

  /** First broken link of each broken stream, in the order they were found. */
  brokenLinks(): ChainLinkBreak[] {
    return [...this.breaks.values()];
  }
}
