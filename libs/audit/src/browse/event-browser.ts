import { ValidationError } from '#ardoise/kernel';
import type { Direction, EventStore, RecordedEvent } from '#ardoise/event-store';
import { toAuditedEvent, type AuditedEvent } from '../audited-event.js';
import { storedDataRevealer, type AuditReader, type EventRevealer } from '../event-revealer.js';
import { matchesCriteria, storeFilter, type EventCriteria } from './event-criteria.js';

export interface EventPage {
  events: AuditedEvent[];
  /**
   * Cursor of the next page (an encoded position for `$all`, a revision for a stream), or
   * null at the end. A page may hold fewer events than asked when the scan budget ran out
   * before enough events matched: follow `next` to keep searching.
   */
  next: string | null;
  /** Events read to build this page. */
  scanned: number;
}

export interface PageRequest {
  /** Who reads (what the revealer may show them). */
  reader: AuditReader;
  criteria?: EventCriteria;
  /** Exclusive cursor from a previous page. */
  after?: string;
  direction?: Direction;
  limit?: number;
  /** At most this many events read per page (the filters that the store cannot apply are applied here). */
  scanBudget?: number;
}

const DEFAULT_LIMIT = 50;
const DEFAULT_SCAN_BUDGET = 20_000;

/** Whether some criteria are checked here rather than by the store. */
const hasLocalCriteria = (c: EventCriteria) =>
  c.actorId !== undefined ||
  c.onBehalfOfFamilyId !== undefined ||
  c.correlationId !== undefined ||
  !!c.mentions?.length ||
  // The store filters by the stream prefix only: categories are checked here then.
  (!!c.streamPrefix && !!c.categories?.length);

/**
 * Pages through the log for auditors, with any adapter: the store filters by category and
 * type; actor, correlation id and dates are checked here, within a scan budget per page.
 */
export class EventBrowser {
  constructor(
    private readonly store: EventStore,
    private readonly revealer: EventRevealer = storedDataRevealer,
  ) {}

  async pageAll(request: PageRequest): Promise<EventPage> {
    const criteria = request.criteria ?? {};
    const fromPosition = request.after === undefined ? undefined : this.store.positions.decode(request.after);
    // Read no more than the page needs (the store's own wait for transactions in flight stays: the newest events must show).
    const limit = request.limit ?? DEFAULT_LIMIT;
    const maxCount = hasLocalCriteria(criteria) ? Math.max(request.scanBudget ?? DEFAULT_SCAN_BUDGET, limit) : limit;
    const source = this.store.readAll({ fromPosition, direction: request.direction, filter: storeFilter(criteria), maxCount });
    return this.collect(source, request, (last) => this.store.positions.encode(last.position));
  }

  async pageStream(streamId: string, request: PageRequest): Promise<EventPage> {
    const backwards = request.direction === 'backwards';
    let fromRevision: bigint | undefined;
    if (request.after !== undefined) {
      if (!/^\d{1,18}$/.test(request.after)) throw new ValidationError([{ field: 'after', messages: ['doit être un numéro de révision'] }]);
      const after = BigInt(request.after);
      if (backwards && after === 0n) return { events: [], next: null, scanned: 0 };
      fromRevision = backwards ? after - 1n : after + 1n;
    }
    const source = this.store.readStream(streamId, { fromRevision, direction: request.direction });
    return this.collect(source, request, (last) => (backwards && last.revision === 0n ? null : last.revision.toString()));
  }

  private async collect(source: AsyncIterable<RecordedEvent>, request: PageRequest, cursorOf: (last: RecordedEvent) => string | null): Promise<EventPage> {
    const limit = request.limit ?? DEFAULT_LIMIT;
    const budget = Math.max(request.scanBudget ?? DEFAULT_SCAN_BUDGET, limit);
    const criteria = request.criteria ?? {};
    const events: AuditedEvent[] = [];
    let scanned = 0;
    let last: RecordedEvent | undefined;
    let exhausted = true;
    for await (const event of source) {
      scanned += 1;
      last = event;
      if (matchesCriteria(event, criteria)) {
        events.push(toAuditedEvent(event, this.store.positions, await this.revealer.reveal(event, request.reader)));
      }
      if (events.length >= limit || scanned >= budget) {
        exhausted = false;
        break;
      }
    }
    return { events, next: exhausted || !last ? null : cursorOf(last), scanned };
  }
}
