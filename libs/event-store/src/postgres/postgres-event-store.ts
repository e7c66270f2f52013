import type pg from 'pg';
import { clientConfigOf } from '#ardoise/database';
import type {
  AppendResult,
  EventData,
  EventStore,
  ExpectedRevision,
  PositionCodec,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
  Subscription,
} from '../event-store.port.js';
import { appendToStream } from './append.js';
import { HeadCache } from './head-cache.js';
import { NotificationListener } from './listener.js';
import { CoalescingNotifier } from './notifier.js';
import { postgresPositions } from './position.js';
import { readAll, SharedCut } from './read-all.js';
import { readStream } from './read-stream.js';
import { PostgresSubscription } from './subscription.js';

export interface PostgresEventStoreOptions {
  /** Rows per query when reading (streams, $all, subscriptions). Default 500. */
  pageSize?: number;
  /** Subscriptions re-check the log at least this often (ms) even without NOTIFY. Default 250. */
  pollIntervalMs?: number;
  /** LISTEN/NOTIFY channel; `false` to not notify on append (subscribers then only poll). Default 'ardoise_events'. */
  notifyChannel?: string | false;
  /** Stream heads kept to append in one round trip (see append.ts). Default 10 000. */
  headCacheSize?: number;
  /** How long readAll waits for transactions in flight when it was called (ms). Default 2 000. */
  readAllSettleMs?: number;
  /** End the pool in close(). Default false: whoever created the pool ends it. */
  endPoolOnClose?: boolean;
}

/**
 * The embedded-default event store: an append-only `events` table in PostgreSQL (schema:
 * `eventStoreMigrations`). Behaviour is the port's (EventStoreDB semantics); the design of
 * each part is explained beside it: append.ts (one round trip, optimistic concurrency,
 * idempotency), read-all.ts (global order and the visibility cut), subscription.ts.
 */
export class PostgresEventStore implements EventStore {
  readonly positions: PositionCodec = postgresPositions;
  private readonly heads: HeadCache;
  private readonly listener: NotificationListener;
  private readonly notifier: CoalescingNotifier | undefined;
  private readonly cut: SharedCut;
  private readonly subscriptions = new Set<PostgresSubscription>();
  private readonly settings: Required<Omit<PostgresEventStoreOptions, 'notifyChannel'>> & { notifyChannel: string | undefined };
  private closed = false;

  constructor(
    private readonly pool: pg.Pool,
    options: PostgresEventStoreOptions = {},
  ) {
    this.settings = {
      pageSize: options.pageSize ?? 500,
      pollIntervalMs: options.pollIntervalMs ?? 250,
      notifyChannel: options.notifyChannel === false ? undefined : (options.notifyChannel ?? 'ardoise_events'),
      headCacheSize: options.headCacheSize ?? 10_000,
      readAllSettleMs: options.readAllSettleMs ?? 2_000,
      endPoolOnClose: options.endPoolOnClose ?? false,
    };
    if (!Number.isSafeInteger(this.settings.pageSize) || this.settings.pageSize < 1) throw new RangeError('pageSize must be >= 1');
    this.heads = new HeadCache(this.settings.headCacheSize);
    this.cut = new SharedCut(pool);
    this.notifier = this.settings.notifyChannel ? new CoalescingNotifier(pool, this.settings.notifyChannel) : undefined;
    this.listener = new NotificationListener(clientConfigOf(pool), this.settings.notifyChannel ?? 'ardoise_events');
  }

  append(streamId: string, events: EventData[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult> {
    this.assertOpen();
    return appendToStream({ pool: this.pool, heads: this.heads, notifier: this.notifier }, streamId, events, options?.expectedRevision);
  }

  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    return readStream({ pool: this.pool, heads: this.heads, pageSize: this.settings.pageSize }, streamId, options);
  }

  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    return readAll({ pool: this.pool, pageSize: this.settings.pageSize, settleMs: this.settings.readAllSettleMs }, options);
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Subscription {
    this.assertOpen();
    const subscription = new PostgresSubscription(
      { pool: this.pool, pageSize: this.settings.pageSize, pollIntervalMs: this.settings.pollIntervalMs, listener: this.listener, cut: this.cut },
      options,
      (s) => this.subscriptions.delete(s),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async streamRevision(streamId: string): Promise<bigint | undefined> {
    this.assertOpen();
    const { rows } = await this.pool.query<{ revision: string }>({
      name: 'es_stream_revision',
      text: 'SELECT max(revision)::text AS revision FROM events WHERE stream_id = $1',
      values: [streamId],
    });
    return rows[0]?.revision ? BigInt(rows[0].revision) : undefined;
  }

  async eventCount(): Promise<number> {
    this.assertOpen();
    const { rows } = await this.pool.query<{ n: string }>({ name: 'es_event_count', text: 'SELECT count(*)::text AS n FROM events' });
    return Number(rows[0]?.n ?? 0);
  }

  /** Ends every subscription and the LISTEN connection (and the pool if endPoolOnClose). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    await this.listener.disconnect();
    await this.notifier?.flush();
    this.heads.clear();
    if (this.settings.endPoolOnClose) await this.pool.end();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('PostgresEventStore is closed');
  }
}
