import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import { matchesFilter, type EventFilter, type EventStore, type PositionCodec, type RecordedEvent } from '#ardoise/event-store';
import { inParallel } from '#ardoise/kernel';
import { claimCheckpoint } from './apply-batch.js';
import type { Generation } from './generation.js';
import type { HeldPages } from './held-pages.js';
import type { Projector } from './projector.js';
import type { ProgressMeter } from './rebuild-progress.js';

// A rebuild of several projections side by side (GenerationBuilder.buildAll): one read of the
// log handed on to the lanes, the permits that bound the transactions running at once, and the
// filters that decide who gets an event.

/** A projection rebuilt by the shared read: where its generation is, and its progress. */
export interface ReplayLane {
  readonly projector: Projector;
  readonly generation: Generation;
  /** Its checkpoint (encoded), moved by its batches and writes. */
  position: string | null;
  readonly meter: ProgressMeter;
}

export interface SharedReplayDeps<L extends ReplayLane> {
  db: Kysely<any>;
  store: EventStore;
  /** Events per batch of a lane that does not hold its rows. */
  batchSize: number;
  /** Batches at once (of the lanes that do not hold their rows; a lane that does writes one set at a time, in the background). */
  concurrency: number;
  signal: AbortSignal | undefined;
  /** The lane's HeldPages when it folds into held rows (see HeldPages), else undefined. */
  heldPages: (lane: L) => HeldPages | undefined;
  /** One batch of the lane from its checkpoint; returns the new checkpoint. */
  applyPage: (lane: L, events: RecordedEvent[]) => Promise<string | null>;
}

/**
 * The shared read: one reader goes through `$all` (the union of the filters) and hands each
 * chunk of it to every lane (LaneFeed). A lane that holds its rows folds the chunk at once,
 * so the events read die young (they are most of what a rebuild allocates); the others apply
 * batches of `batchSize` events, at most `concurrency` transactions at once. A lane never
 * waits for another lane's batch; the reader waits for a lane that has more than a task or
 * two queued (memory). At the end every checkpoint moves to where the read stopped (a
 * checkpoint-only transaction), so each projection's own catch-up reads only what came since.
 */
export async function replayShared<L extends ReplayLane>(lanes: readonly L[], deps: SharedReplayDeps<L>): Promise<void> {
  if (lanes.length === 0) return;
  const { store, signal } = deps;
  const positions = store.positions;
  let from: string | null = lanes[0]!.position;
  for (const lane of lanes) if (isBehind(positions, lane.position, from)) from = lane.position;
  const permits = new Permits(deps.concurrency);
  const failure = new AbortController();
  const helds = lanes.map((lane) => deps.heldPages(lane));
  const feeds = lanes.map((lane, i) => laneFeed(lane, helds[i], deps, permits, failure));
  let end: string | null = null;
  try {
    let chunk: RecordedEvent[] = [];
    const handOn = async () => {
      signal?.throwIfAborted();
      failure.signal.throwIfAborted();
      end = positions.encode(chunk[chunk.length - 1]!.position);
      for (const feed of feeds) feed.offer(chunk);
      chunk = [];
      for (const feed of feeds) await feed.ready();
    };
    const filter = unionFilter(lanes.map((l) => l.projector.filter));
    const chunkSize = Math.min(SHARED_READ_CHUNK, deps.batchSize);
    const fromPosition = from === null ? undefined : positions.decode(from);
    // settleMs 0: what is final now; each projection's own catch-up reads the rest.
    for await (const event of store.readAll({ fromPosition, filter, settleMs: 0 })) {
      chunk.push(event);
      if (chunk.length >= chunkSize) await handOn();
    }
    if (chunk.length > 0) await handOn();
    await Promise.all(feeds.map((feed) => feed.end()));
  } catch (error) {
    failure.abort(error);
    throw error;
  } finally {
    await Promise.all(helds.map((held) => (held ? held.close() : Promise.resolve())));
  }
  if (end === null) return;
  const last: string = end;
  await inParallel(lanes, deps.concurrency, async (lane) => {
    if (!isBehind(positions, lane.position, last)) return;
    const expected = lane.position;
    await deps.db.transaction().execute(async (trx) => {
      await claimCheckpoint(trx, { generation: lane.generation, expectedStatus: 'building', expectedPosition: expected }, last, 0);
    });
    lane.position = last;
  });
}

/** A lane of the shared read: its filter, past its checkpoint; its folds, batches and writes, timed. */
function laneFeed<L extends ReplayLane>(lane: L, held: HeldPages | undefined, deps: SharedReplayDeps<L>, permits: Permits, failure: AbortController): LaneFeed {
  const positions = deps.store.positions;
  const accepts = acceptor(lane.projector.filter);
  const after = lane.position === null ? undefined : positions.decode(lane.position);
  const timed = async (events: number, work: () => Promise<void>) => {
    const started = performance.now();
    await work();
    lane.meter.add(events, 'replaying', performance.now() - started);
  };
  // Waits for the lane's write under way, if any, then starts the next in the background (HeldPages.write).
  const write = () => timed(0, async () => void (lane.position = await held!.write(lane.position)));
  return new LaneFeed(
    {
      accepts: (e) => accepts(e) && (!after || positions.compare(e.position, after) > 0),
      foldsAsRead: held !== undefined,
      // Its own session and one write at a time (HeldPages): no permit.
      fold: async (events) => {
        await timed(events.length, () => held!.fold(events));
        if (held!.full) await write();
      },
      apply: (events) => permits.run(() => timed(events.length, async () => void (lane.position = await deps.applyPage(lane, events)))),
      finish: async () => {
        if (held?.pending) await write();
        await held?.drain();
      },
    },
    deps.batchSize,
    failure,
  );
}

/** Whether checkpoint `a` is before checkpoint `b` (null = the start). */
export function isBehind(positions: PositionCodec, a: string | null, b: string | null): boolean {
  if (b === null) return false;
  if (a === null) return true;
  return positions.compare(positions.decode(a), positions.decode(b)) < 0;
}

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
