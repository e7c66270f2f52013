import type pg from 'pg';
import type { RecordedEvent, SubscribeToAllOptions, Subscription } from '../event-store.port.js';
import { filterSql, readPage, type SharedCut } from './read-all.js';
import type { NotificationListener } from './listener.js';
import { fromPosition, type PgPosition } from './position.js';
import { toRecordedEvent } from './rows.js';

const MAX_BIGINT = 2n ** 63n - 1n;
/** The first look again after a NOTIFY that brought nothing visible (doubling from there). */
const FIRST_RETRY_MS = 5;

export interface SubscriptionContext {
  pool: pg.Pool;
  pageSize: number;
  pollIntervalMs: number;
  listener: NotificationListener;
  /** The store's cut, one query for all its subscriptions (read-all.ts). */
  cut: SharedCut;
}

/**
 * subscribeToAll: catch up from `fromPosition` (exclusive), then live — one loop for both.
 * Each round reads pages strictly after the last delivered position and below the current
 * visibility cut (read-all.ts); rows below the cut never change again, so delivering them
 * in (transaction_id, global_position) order and moving the checkpoint past them can never
 * skip, reorder or repeat an event. When a round comes back short, the loop sleeps until a
 * NOTIFY arrives (append.ts sends one per append) or `pollIntervalMs` passes: the poll is
 * what picks up events that were committed but still held back below an older open
 * transaction when the notification came.
 */
export class PostgresSubscription implements Subscription {
  private closed = false;
  private wake: (() => void) | undefined;
  private release: (() => Promise<void>) | undefined;
  private readonly iterator: AsyncGenerator<RecordedEvent>;
  private pendingSignal = false;

  constructor(
    private readonly ctx: SubscriptionContext,
    options: SubscribeToAllOptions,
    private readonly onClose: (s: PostgresSubscription) => void,
  ) {
    filterSql(options.filter, 1); // validate now, not on first iteration
    const start = options.fromPosition === undefined ? undefined : fromPosition(options.fromPosition);
    this.iterator = this.run(start, options);
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return this.iterator;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.signal();
    this.onClose(this);
    await this.release?.();
    this.release = undefined;
  }

  private signal(): void {
    this.pendingSignal = true;
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  /** Resolves true on a signal (NOTIFY, close), false after `timeoutMs`. */
  private waitForSignal(timeoutMs: number): Promise<boolean> {
    if (this.pendingSignal || this.closed) {
      this.pendingSignal = false;
      return Promise.resolve(true);
    }
    return new Promise<boolean>((resolve) => {
      const finish = (signalled: boolean) => {
        clearTimeout(timer);
        if (this.wake === wake) this.wake = undefined;
        this.pendingSignal = false;
        resolve(signalled);
      };
      const wake = () => finish(true);
      const timer = setTimeout(() => finish(false), timeoutMs);
      this.wake = wake;
    });
  }

  private async *run(start: PgPosition | undefined, options: SubscribeToAllOptions): AsyncGenerator<RecordedEvent> {
    let after = start;
    try {
      this.release = await this.ctx.listener.acquire(() => this.signal(), options.filter?.eventTypes);
      if (this.closed) return;
      // After a NOTIFY that brought nothing visible yet (the new events sit above the cut,
      // behind an older transaction still open that may append events), look again soon —
      // 5 ms, 10, 20… up to the poll interval — for as long as the cut is held back, instead
      // of sleeping a whole poll interval. A cut held back by nothing (xmin = xmax) has let
      // through everything committed before the NOTIFY: no reason to look again early.
      let retryMs = 0;
      let signalled = false;
      while (!this.closed) {
        let delivered = 0;
        // Clear the signal before reading: a notify that arrives during the read triggers another round.
        this.pendingSignal = false;
        const { xmin: below, xmax } = await this.ctx.cut.get();
        let full = true;
        while (full && !this.closed) {
          const rows = await readPage(this.ctx.pool, {
            after,
            backwards: false,
            below,
            limit: this.ctx.pageSize,
            filter: options.filter,
          });
          full = rows.length === this.ctx.pageSize;
          for (const row of rows) {
            if (this.closed) return;
            after = { transactionId: BigInt(row.transaction_id), globalPosition: BigInt(row.global_position) };
            delivered++;
            yield toRecordedEvent(row);
          }
        }
        if (this.closed) return;
        // Everything below the cut has been examined (the last page was short): with a
        // filter, skip the non-matching rows for good instead of rescanning them each round.
        if (options.filter && (!after || after.transactionId < below - 1n)) {
          after = { transactionId: below - 1n, globalPosition: MAX_BIGINT };
        }
        const heldBack = below < xmax;
        if (delivered > 0 || !heldBack) retryMs = 0;
        else if (signalled || retryMs > 0) retryMs = retryMs === 0 ? FIRST_RETRY_MS : retryMs * 2;
        if (retryMs >= this.ctx.pollIntervalMs) retryMs = 0;
        signalled = await this.waitForSignal(retryMs || this.ctx.pollIntervalMs);
      }
    } finally {
      this.closed = true;
      this.onClose(this);
      await this.release?.();
      this.release = undefined;
    }
  }
}
