import { matchesFilter, type EventFilter, type PositionCodec, type RecordedEvent } from '#ardoise/event-store';

// What a rebuild of several projections shares: one read of the log in pages, the permits
// that bound the transactions running at once, and the filters that decide who gets an event.

/** Pages of the shared read held beyond the slowest lane's. */
const PAGES_AHEAD = 3;

/**
 * The pages of one read of the log, shared by lanes that each go through them in order:
 * page n+1 is read (from where page n ended) once page n is in, while no lane is more than
 * PAGES_AHEAD pages behind it; a page every lane is done with is dropped.
 */
export class SharedPages {
  private readonly pages = new Map<number, Promise<RecordedEvent[]>>();
  private readonly next: number[];
  private waiting: Array<() => void> = [];
  /** The encoded position of the last event read (null before the first). */
  end: string | null = null;

  constructor(
    lanes: number,
    private readonly read: (after: string | null) => Promise<RecordedEvent[]>,
    private readonly positions: PositionCodec,
  ) {
    this.next = new Array<number>(lanes).fill(0);
  }

  /** Page `n` (an empty page: the end of the log); page 0 starts after `from`. */
  page(n: number, from: string | null): Promise<RecordedEvent[]> {
    let page = this.pages.get(n);
    if (!page) {
      page = n === 0 ? this.read(from) : this.after(n, from);
      page.catch(() => undefined); // surfaced to the lanes that await it
      this.pages.set(n, page);
      // Read ahead: the next page is read while this one is applied.
      if (n === 0) void this.page(1, from);
    }
    return page;
  }

  /** Lane `lane` has applied page `n`. */
  done(lane: number, n: number): void {
    this.next[lane] = n + 1;
    const slowest = Math.min(...this.next);
    for (const key of this.pages.keys()) if (key < slowest) this.pages.delete(key);
    const waiting = this.waiting;
    this.waiting = [];
    for (const wake of waiting) wake();
  }

  private async after(n: number, from: string | null): Promise<RecordedEvent[]> {
    const previous = await this.page(n - 1, from);
    if (previous.length === 0) return [];
    while (n - Math.min(...this.next) > PAGES_AHEAD) await new Promise<void>((wake) => this.waiting.push(wake));
    const last = this.positions.encode(previous[previous.length - 1]!.position);
    const events = await this.read(last);
    this.end = events.length ? this.positions.encode(events[events.length - 1]!.position) : last;
    if (events.length > 0) void this.page(n + 1, from);
    return events;
  }
}

/** At most `limit` tasks at once. */
export class Permits {
  private running = 0;
  private readonly queue: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((go) => this.queue.push(go));
    else this.running += 1;
    try {
      return await task();
    } finally {
      const go = this.queue.shift();
      if (go) go();
      else this.running -= 1;
    }
  }
}

/** A filter that lets through every event one of `filters` lets through (types only; else everything). */
export function unionFilter(filters: readonly EventFilter[]): EventFilter | undefined {
  if (filters.some((f) => !f.eventTypes || f.streamPrefixes || f.recordedFrom || f.recordedBefore)) return undefined;
  return { eventTypes: [...new Set(filters.flatMap((f) => f.eventTypes!))] };
}

/**
 * `matchesFilter` for the events of a page (the store's rules), with the types of a filter
 * that names them in a Set first: most events of a page are for other projections.
 */
export function acceptor(filter: EventFilter): (event: RecordedEvent) => boolean {
  const types = filter.eventTypes ? new Set(filter.eventTypes) : undefined;
  return (e) => (!types || types.has(e.type)) && matchesFilter(e.streamId, e.type, filter, e.recordedAt);
}
