import { backoffDelay, sleep as abortableSleep, type BackoffPolicy } from '#ardoise/kernel';
import type { RecordedEvent, Subscription } from '../event-store.port.js';
import { compareEsdbPositions, type EsdbPosition } from './position.js';

/** One attempt at a server subscription, as the client gives it (a Readable in object mode). */
export interface SubscriptionAttempt<Raw> extends AsyncIterable<Raw> {
  unsubscribe(): Promise<void>;
}

/** First wait after a failure and ceiling, ms (kernel's backoff, half of each delay jittered). */
export type ResubscribeBackoff = Pick<BackoffPolicy, 'initialMs' | 'maxMs'>;

export interface ResubscribingSubscriptionOptions<Raw> {
  /** Exclusive start: events at or before it are never delivered. Undefined = the start of the log. */
  from: EsdbPosition | undefined;
  /** Open a server subscription that starts after `from` (undefined = from the start). */
  open(from: EsdbPosition | undefined): SubscriptionAttempt<Raw>;
  /** The log position of a raw item, or undefined for an item that carries none (skipped). */
  positionOf(raw: Raw): EsdbPosition | undefined;
  /** The event to deliver, or undefined to skip this item (system event, filtered out). */
  toEvent(raw: Raw): RecordedEvent | undefined;
  /** Whether a failure should be retried (else it ends the iteration with that error). */
  isTransient(error: unknown): boolean;
  /** Turns a fatal client error into the port's error before it reaches the consumer. */
  mapError?(error: unknown): unknown;
  backoff?: ResubscribeBackoff;
  /** Told about every drop, for logs and metrics. */
  onDrop?(info: { reason: 'ended' | 'error'; error?: unknown; attempt: number; resumeFrom: EsdbPosition | undefined; delayMs: number }): void;
  /** Injected for tests. */
  sleep?(ms: number, signal: AbortSignal): Promise<void>;
  random?(): number;
}

const DEFAULT_BACKOFF: ResubscribeBackoff = { initialMs: 100, maxMs: 30_000 };

const CLOSED = Symbol('closed');

/**
 * A catch-up-then-live subscription to `$all` that survives drops: when the server
 * subscription ends without being asked to (a silent drop: leader change, idle proxy, server
 * restart) or fails with a transient error, it resubscribes after a backoff from the position
 * of the last item it saw, and drops anything at or before that position, so that the
 * consumer never sees an event twice, never misses one, and never sees one out of order.
 */
export class ResubscribingSubscription<Raw> implements Subscription {
  #closed = false;
  readonly #abort = new AbortController();
  readonly #closedSignal: Promise<typeof CLOSED>;
  #current: SubscriptionAttempt<Raw> | undefined;
  #iterated = false;
  /** The last position seen (delivered or deliberately skipped): where a resubscription resumes. */
  #checkpoint: EsdbPosition | undefined;

  constructor(private readonly options: ResubscribingSubscriptionOptions<Raw>) {
    this.#checkpoint = options.from;
    this.#closedSignal = new Promise((resolve) => this.#abort.signal.addEventListener('abort', () => resolve(CLOSED), { once: true }));
  }

  /** Where a resubscription would start from now (exclusive). */
  get resumePosition(): EsdbPosition | undefined {
    return this.#checkpoint;
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    if (this.#iterated) throw new Error('A subscription can be iterated only once');
    this.#iterated = true;
    return this.#run();
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#abort.abort();
    await this.#stopCurrent();
  }

  async #stopCurrent(): Promise<void> {
    const current = this.#current;
    this.#current = undefined;
    if (!current) return;
    try {
      await current.unsubscribe();
    } catch {
      // Already gone: nothing to release.
    }
    (current as { destroy?: () => void }).destroy?.();
  }

  async *#run(): AsyncGenerator<RecordedEvent> {
    const { open, positionOf, toEvent, isTransient, mapError, onDrop } = this.options;
    const backoff = this.options.backoff ?? DEFAULT_BACKOFF;
    const sleep = this.options.sleep ?? abortableSleep;
    let failures = 0;
    try {
      while (!this.#closed) {
        let failure: { reason: 'ended' | 'error'; error?: unknown } | undefined;
        let iterator: AsyncIterator<Raw> | undefined;
        try {
          const attempt = open(this.#checkpoint);
          this.#current = attempt;
          iterator = attempt[Symbol.asyncIterator]();
        } catch (error) {
          if (!isTransient(error)) throw mapError ? mapError(error) : error;
          failure = { reason: 'error', error };
        }
        while (iterator && !failure) {
          let next: IteratorResult<Raw> | typeof CLOSED;
          try {
            const pending = iterator.next();
            pending.catch(() => undefined); // close() may win the race below; never leave a rejection unhandled
            // Race every read against close(): a cancelled gRPC stream does not always end its Readable.
            next = await Promise.race([pending, this.#closedSignal]);
          } catch (error) {
            if (this.#closed) return;
            if (!isTransient(error)) throw mapError ? mapError(error) : error;
            failure = { reason: 'error', error };
            break;
          }
          if (next === CLOSED) return;
          if (next.done) {
            failure = { reason: 'ended' };
            break;
          }
          const raw = next.value;
          const position = positionOf(raw);
          if (position !== undefined) {
            // Never repeat, never go back: a resubscription may replay the record it resumed from.
            if (this.#checkpoint !== undefined && compareEsdbPositions(position, this.#checkpoint) <= 0) continue;
          }
          // Mapping errors are bugs or foreign data, not connection trouble: they end the iteration.
          const event = toEvent(raw);
          if (position !== undefined) this.#checkpoint = position;
          failures = 0;
          if (event) yield event;
          if (this.#closed) return;
        }
        await this.#stopCurrent();
        if (this.#closed) return;
        failures += 1;
        const delayMs = backoffDelay(failures, { ...backoff, jitter: 0.5 }, this.options.random);
        onDrop?.({ ...(failure ?? { reason: 'ended' }), attempt: failures, resumeFrom: this.#checkpoint, delayMs });
        await sleep(delayMs, this.#abort.signal);
      }
    } finally {
      this.#closed = true;
      this.#abort.abort();
      await this.#stopCurrent();
    }
  }
}
