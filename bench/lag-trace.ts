import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import pg from 'pg';
import {
  currentCut,
  NotificationListener,
  PostgresEventStore,
  type EventFilter,
  type Position,
  type PositionCodec,
  type RecordedEvent,
  type Subscription,
} from '#ardoise/event-store';
import type { Projector } from '#ardoise/projections';

/**
 * `bench lag --trace`: where the lag goes. For each committed append, the times of
 *   commit   the append returned (the bench's clock starts here),
 *   notified the first NOTIFY the process received after it,
 *   visible  the visibility cut (read-all.ts currentCut, polled every 2 ms on its own connection)
 *            passed the append's transaction,
 *   fetched  each projection's subscription delivered the event,
 *   started  the projector was handed the batch holding it (inside the batch's transaction:
 *            after BEGIN and the claim, and after the previous batch's commit),
 *   folded   the projector returned (its loads and writes done; COMMIT follows),
 *   applied  the projection's checkpoint passed it (the bench's monitor).
 * Installed on the classes before the app starts (the workers subscribe at start).
 */
interface Entry {
  transactionId: bigint;
  at: number;
  notified?: number;
  visible?: number;
  fetched: Map<string, number>;
  started: Map<string, number>;
  folded: Map<string, number>;
}

export class LagTrace {
  private readonly entries = new Map<string, Entry>();
  private readonly waitingVisible: Entry[] = [];
  private readonly waitingNotify: Entry[] = [];
  private readonly names = new Map<EventFilter | undefined, string>();
  private restore: Array<() => void> = [];
  private polling = false;
  private poller?: Promise<void>;
  readonly samples = {
    notify: [] as number[],
    visible: [] as number[],
    fetch: new Map<string, number[]>(),
    apply: new Map<string, number[]>(),
    /** fetched → started, started → folded, folded → checkpoint: the three parts of `apply`. */
    queued: new Map<string, number[]>(),
    fold: new Map<string, number[]>(),
    commit: new Map<string, number[]>(),
    /** Per batch: its size, and the projector's own time. */
    batchSize: new Map<string, number[]>(),
  };
  steady = true;
  private readonly holders = new Map<string, number>();

  constructor(
    private readonly positions: PositionCodec,
    private readonly projectors: readonly Projector[],
  ) {
    for (const p of projectors) this.names.set(p.filter, p.name);
  }

  /** Wraps each projector's apply/applyBatch (the app runs these very objects) to time its batches. */
  private installOnProjectors(): void {
    for (const projector of this.projectors) {
      const mutable = projector as { -readonly [K in keyof Projector]: Projector[K] };
      const { applyBatch, apply } = projector;
      if (applyBatch) {
        mutable.applyBatch = async (events, trx, tables, context) => {
          this.batchStarted(projector.name, events);
          await applyBatch.call(projector, events, trx, tables, context);
          this.batchFolded(projector.name, events);
        };
        this.restore.push(() => (mutable.applyBatch = applyBatch));
      } else if (apply) {
        mutable.apply = async (event, trx, tables) => {
          this.batchStarted(projector.name, [event]);
          await apply.call(projector, event, trx, tables);
          this.batchFolded(projector.name, [event]);
        };
        this.restore.push(() => (mutable.apply = apply));
      }
    }
  }

  private batchStarted(projection: string, events: readonly RecordedEvent[]): void {
    const now = performance.now();
    let traced = false;
    for (const event of events) {
      const entry = this.entries.get(this.positions.encode(event.position));
      entry?.started.set(projection, now);
      traced ||= entry !== undefined;
    }
    if (this.steady && traced) push(this.samples.batchSize, projection, events.length);
  }

  private batchFolded(projection: string, events: readonly RecordedEvent[]): void {
    const now = performance.now();
    for (const event of events) this.entries.get(this.positions.encode(event.position))?.folded.set(projection, now);
  }

  install(): void {
    this.installOnProjectors();
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the patched prototype method has its own `this` (the store) and needs the trace too
    const trace = this;
    const subscribe = PostgresEventStore.prototype.subscribeToAll;
    PostgresEventStore.prototype.subscribeToAll = function (this: PostgresEventStore, options) {
      const subscription = subscribe.call(this, options);
      const name = trace.names.get(options?.filter);
      if (!name) return subscription;
      const iterate = subscription[Symbol.asyncIterator].bind(subscription);
      const wrapped: Subscription = Object.assign(Object.create(subscription) as Subscription, {
        close: () => subscription.close(),
        [Symbol.asyncIterator]: () => {
          const inner = iterate();
          return {
            next: async () => {
              const result = await inner.next();
              if (!result.done) trace.fetched(name, result.value);
              return result;
            },
            return: (value?: unknown) => inner.return?.(value) ?? Promise.resolve({ done: true as const, value: undefined }),
          };
        },
      });
      return wrapped;
    };
    this.restore.push(() => (PostgresEventStore.prototype.subscribeToAll = subscribe));
    const proto = NotificationListener.prototype as unknown as { dispatch(payload: string): void };
    const dispatch = proto.dispatch;
    proto.dispatch = function (this: unknown, payload: string) {
      trace.notified();
      return dispatch.call(this, payload);
    };
    this.restore.push(() => (proto.dispatch = dispatch));
  }

  startCutPoller(databaseUrl: string): void {
    this.polling = true;
    this.poller = (async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      const cutPool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
      try {
        let round = 0;
        while (this.polling) {
          const { xmin: cut, xmax } = await currentCut(cutPool);
          const now = performance.now();
          for (let i = this.waitingVisible.length - 1; i >= 0; i--) {
            const entry = this.waitingVisible[i]!;
            if (entry.transactionId >= cut) continue;
            entry.visible = now;
            if (this.steady) this.samples.visible.push(now - entry.at);
            this.waitingVisible.splice(i, 1);
          }
          if (++round % 25 === 0 && this.steady && cut === xmax) {
            // Nothing holds the cut: its xmax is the next xid, maybe given since to any transaction.
            const kind = 'none (no transaction holds the cut)';
            this.holders.set(kind, (this.holders.get(kind) ?? 0) + 1);
          } else if (round % 25 === 0 && this.steady) {
            // Who holds the cut back right now (the oldest running transaction): tallied by kind.
            const holder = await client.query<{ kind: string }>(
              `SELECT CASE WHEN datname IS DISTINCT FROM current_database() THEN 'another database'
                           ELSE 'this database: ' || left(regexp_replace(query, '\\s+', ' ', 'g'), 60) END AS kind
               FROM pg_stat_activity WHERE backend_xid = xid($1::text::xid8)`,
              [cut.toString()],
            );
            const kind = holder.rows[0]?.kind ?? 'none (no transaction running)';
            this.holders.set(kind, (this.holders.get(kind) ?? 0) + 1);
          }
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
      } finally {
        await client.end();
        await cutPool.end();
      }
    })();
  }

  /** Event-loop delay and process CPU over the steady phase. */
  private loop = monitorEventLoopDelay({ resolution: 10 });
  private cpuStart?: { usage: NodeJS.CpuUsage; at: number };
  private cpu?: number;
  steadyStarted(): void {
    this.loop.enable();
    this.cpuStart = { usage: process.cpuUsage(), at: performance.now() };
  }
  steadyEnded(): void {
    this.loop.disable();
    if (!this.cpuStart) return;
    const used = process.cpuUsage(this.cpuStart.usage);
    this.cpu = (used.user + used.system) / 1000 / (performance.now() - this.cpuStart.at);
  }

  committed(position: Position, at: number): void {
    const entry: Entry = {
      transactionId: BigInt(this.positions.encode(position).split('-')[0]!),
      at,
      fetched: new Map(),
      started: new Map(),
      folded: new Map(),
    };
    this.entries.set(this.positions.encode(position), entry);
    this.waitingVisible.push(entry);
    this.waitingNotify.push(entry);
  }

  applied(projection: string, position: Position, at: number): void {
    if (!this.steady) return;
    const entry = this.entries.get(this.positions.encode(position));
    if (!entry) return;
    const fetched = entry.fetched.get(projection) ?? at;
    push(this.samples.apply, projection, at - fetched);
    const started = entry.started.get(projection);
    const folded = entry.folded.get(projection);
    if (started === undefined || folded === undefined) return;
    push(this.samples.queued, projection, started - fetched);
    push(this.samples.fold, projection, folded - started);
    push(this.samples.commit, projection, at - folded);
  }

  private notified(): void {
    const now = performance.now();
    for (const entry of this.waitingNotify) {
      entry.notified = now;
      if (this.steady) this.samples.notify.push(now - entry.at);
    }
    this.waitingNotify.length = 0;
  }

  private fetched(projection: string, event: RecordedEvent): void {
    const entry = this.entries.get(this.positions.encode(event.position));
    if (!entry) return;
    const now = performance.now();
    entry.fetched.set(projection, now);
    if (this.steady) push(this.samples.fetch, projection, now - entry.at);
  }

  async stop(): Promise<void> {
    this.polling = false;
    await this.poller;
    for (const undo of this.restore) undo();
    this.restore = [];
  }

  report(log: (line: string) => void, percentile: (values: number[], q: number) => number): Record<string, unknown> {
    const row = (label: string, values: number[]) =>
      log(
        `${label.padEnd(36)} ${String(values.length).padStart(7)} ${percentile(values, 0.5).toFixed(1).padStart(8)} ${percentile(values, 0.99).toFixed(1).padStart(8)}`,
      );
    log('');
    log(`${'trace (steady, ms from commit)'.padEnd(36)} ${'n'.padStart(7)} ${'p50'.padStart(8)} ${'p99'.padStart(8)}`);
    row('commit → NOTIFY received', this.samples.notify);
    row('commit → visible (cut passed)', this.samples.visible);
    const allFetch = [...this.samples.fetch.values()].flat();
    const allApply = [...this.samples.apply.values()].flat();
    row('commit → fetched (all projections)', allFetch);
    for (const [name, values] of this.samples.fetch) row(`  commit → fetched: ${name}`, values);
    row('fetched → checkpoint (all)', allApply);
    for (const [name, values] of this.samples.apply) row(`  fetched → checkpoint: ${name}`, values);
    row('  fetched → batch started (all)', [...this.samples.queued.values()].flat());
    row('  batch started → folded (all)', [...this.samples.fold.values()].flat());
    row('  folded → checkpoint seen (all)', [...this.samples.commit.values()].flat());
    for (const [name, sizes] of this.samples.batchSize) {
      const q = (values: number[] | undefined, p: number) => percentile(values ?? [], p).toFixed(1);
      log(
        `  ${name}: ${sizes.length} batches, ${(sizes.reduce((a, b) => a + b, 0) / sizes.length).toFixed(1)} events each; ` +
          `queued p50/p99 ${q(this.samples.queued.get(name), 0.5)}/${q(this.samples.queued.get(name), 0.99)}, ` +
          `fold ${q(this.samples.fold.get(name), 0.5)}/${q(this.samples.fold.get(name), 0.99)}, ` +
          `commit ${q(this.samples.commit.get(name), 0.5)}/${q(this.samples.commit.get(name), 0.99)} ms`,
      );
    }
    log(
      `event loop delay: p50 ${(this.loop.percentile(50) / 1e6).toFixed(1)} ms, p99 ${(this.loop.percentile(99) / 1e6).toFixed(1)} ms; process CPU ${((this.cpu ?? 0) * 100).toFixed(0)} % of one core`,
    );
    log('');
    log('oldest running transaction (the cut), sampled every ~50 ms:');
    for (const [kind, n] of [...this.holders].sort((a, b) => b[1] - a[1]).slice(0, 12)) log(`  ${String(n).padStart(5)}  ${kind}`);
    const q = (values: number[]) => ({ p50: Number(percentile(values, 0.5).toFixed(1)), p99: Number(percentile(values, 0.99).toFixed(1)) });
    return { notify: q(this.samples.notify), visible: q(this.samples.visible), fetched: q(allFetch), applied_after_fetch: q(allApply) };
  }
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
