import type { EventStore } from '#ardoise/event-store';
import { nextAnchorHash, type Anchor } from './anchor-hash.js';
import type { AuditAnchors } from './audit-anchors.js';
import { StreamChainChecker, type ChainLinkBreak } from './stream-chain-checker.js';

export interface AnchorBreak {
  sequence: number;
  /** Events in `$all` the anchor covers. */
  eventCount: number;
  /** Position anchored (encoded), and what the log has at that count now ('' when shorter). */
  storedPosition: string;
  foundPosition: string;
  expected: string;
  stored: string;
}

export interface ChainReport {
  ok: boolean;
  eventsChecked: number;
  streamsChecked: number;
  anchorsChecked: number;
  /** The first broken link of each broken stream (at most `maxBreaks`). */
  breaks: ChainLinkBreak[];
  brokenStreams: number;
  /** The first anchor the log no longer matches, or null. */
  anchorBreak: AnchorBreak | null;
}

export interface ChainProgress {
  eventsChecked: number;
  eventsPerSecond: number;
  /** Events the last anchor covers (a lower bound of the total), or null. */
  estimatedTotal: number | null;
  elapsedMs: number;
}

/**
 * `verify --chain`: recomputes every stream's hash chain and the anchors over `$all` in
 * one pass over the log, and reports the first broken link of each stream and the first
 * anchor that no longer holds.
 */
export class ChainVerifier {
  constructor(
    private readonly store: EventStore,
    private readonly anchors: AuditAnchors,
  ) {}

  async verify(options: { onProgress?: (p: ChainProgress) => void; signal?: AbortSignal; maxBreaks?: number } = {}): Promise<ChainReport> {
    const started = Date.now();
    const anchors = await this.anchors.list();
    const estimatedTotal = anchors.length > 0 ? anchors[anchors.length - 1]!.eventCount : null;
    const checker = new StreamChainChecker((event) => this.store.positions.encode(event.position));
    let running = '';
    let count = 0;
    let nextAnchor = 0;
    let anchorBreak: AnchorBreak | null = null;
    const progress = () =>
      options.onProgress?.({
        eventsChecked: count,
        eventsPerSecond: Math.round((count * 1000) / Math.max(1, Date.now() - started)),
        estimatedTotal,
        elapsedMs: Date.now() - started,
      });
    for await (const event of this.store.readAll()) {
      checker.check(event);
      running = nextAnchorHash(running, event);
      count += 1;
      const anchor: Anchor | undefined = anchors[nextAnchor];
      if (anchor && anchor.eventCount === count) {
        nextAnchor += 1;
        const position = this.store.positions.encode(event.position);
        if (!anchorBreak && (anchor.hash !== running || anchor.position !== position)) {
          anchorBreak = {
            sequence: anchor.sequence,
            eventCount: anchor.eventCount,
            storedPosition: anchor.position,
            foundPosition: position,
            expected: running,
            stored: anchor.hash,
          };
        }
      }
      if (count % 5000 === 0) {
        progress();
        options.signal?.throwIfAborted();
      }
    }
    const unreached = anchors[nextAnchor];
    if (!anchorBreak && unreached) {
      // The log is shorter than an anchor says it was: events were deleted.
      anchorBreak = {
        sequence: unreached.sequence,
        eventCount: unreached.eventCount,
        storedPosition: unreached.position,
        foundPosition: '',
        expected: '',
        stored: unreached.hash,
      };
    }
    progress();
    const all = checker.brokenLinks();
    return {
      ok: all.length === 0 && anchorBreak === null,
      eventsChecked: count,
      streamsChecked: checker.streamsChecked,
      anchorsChecked: Math.min(nextAnchor, anchors.length),
      breaks: all.slice(0, options.maxBreaks ?? 100),
      brokenStreams: all.length,
      anchorBreak,
    };
  }
}
