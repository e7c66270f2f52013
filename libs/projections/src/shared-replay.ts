import { matchesFilter, type EventFilter, type RecordedEvent } from '#ardoise/event-store';

// What a rebuild of several projections shares: one read of the log handed on to the lanes,
// the permits that bound the transactions running at once, and the filters that decide who
// gets an event.

/**
 * One lane of a shared replay: the events of the shared read its filter accepts, handed on in
 * log order to one task after another — right away when the lane folds into held rows, else
 * by batches of `batchSize` — so that an event read is folded while it is young. The reader
 * waits (`ready`) while a lane has more than a task or two queued: a slow lane slows the read
 * instead of piling up events.
 */
export class LaneFeed {
  private readonly tasks: Promise<void>[] = [];
  private pending: RecordedEvent[] = [];

  constructor(
    private readonly lane: {
      /** Whether the lane takes this event (its filter, and past its checkpoint when it resumes). */
      accepts: (event: RecordedEvent) => boolean;
      /** Held rows: each chunk is folded as it comes (`fold`); else batches of `batchSize` (`apply`). */
      foldsAsRead: boolean;
      fold: (events: RecordedEvent[]) => Promise<void>;
      apply: (events: RecordedEvent[]) => Promise<void>;
      /** After the last event (a held lane writes what it holds). */
      finish: () => Promise<void>;
    },
    private readonly batchSize: number,
    private readonly failure: AbortController,
  ) {}

  /** A chunk of the shared read (log order). */
  offer(events: readonly RecordedEvent[]): void {
    const mine = events.filter(this.lane.accepts);
    if (mine.length === 0) return;
    if (this.lane.foldsAsRead) return this.enqueue(() => this.lane.fold(mine));
    for (const event of mine) {
      this.pending.push(event);
      if (this.pending.length === this.batchSize) this.applyPending();
    }
  }

  /** Resolves once the lane has at most one task queued beyond the running one (throws its failure). */
  async ready(): Promise<void> {
    while (this.tasks.length > 2) await this.tasks[0];
  }

  /** The read is over: applies what is left, then finishes; resolves when every task is done. */
  async end(): Promise<void> {
    if (this.pending.length > 0) this.applyPending();
    this.enqueue(() => this.lane.finish());
    await this.tasks.at(-1);
  }

  private applyPending(): void {
    const batch = this.pending;
    this.pending = [];
    this.enqueue(() => this.lane.apply(batch));
  }

  private enqueue(task: () => Promise<void>): void {
    const previous = this.tasks.at(-1) ?? Promise.resolve();
    const next = previous.then(() => {
      this.failure.signal.throwIfAborted();
      return task();
    });
    this.tasks.push(next);
    next.then(
      () => void this.tasks.shift(),
      (error: unknown) => this.failure.abort(error), // the reader and the other lanes stop
    );
  }
}

/** Events the shared read hands on at a time (at most; and at most a batch): young enough to die young. */
export const SHARED_READ_CHUNK = 1_000;

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
