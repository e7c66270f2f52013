import { CONFLICT_BACKOFF, retry } from '#ardoise/kernel';
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  type AllStreamResolvedEvent,
  type AppendResult as ClientAppendResult,
  type ResolvedEvent,
  type WrongExpectedVersionError as ClientWrongExpectedVersionError,
} from '@eventstore/db-client';
import { validateAppend } from '../append-validation.js';
import { WrongExpectedVersionError } from '../errors.js';
import { computeEventHash, toStorableJson } from '../event-hash.js';
import type {
  AppendResult,
  EventData,
  EventStore,
  ExpectedRevision,
  PositionCodec,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  Subscription,
  SubscribeToAllOptions,
} from '../event-store.port.js';
import { isStreamNotFound, isTransientError, mapClientError, toWrongExpectedVersion } from './errors.js';
import { toClientEvent, toRecordedEvent } from './event-mapping.js';
import { matchesFilter, toServerFilter } from './filter.js';
import { esdbPositionCodec, fromPortPosition, isPastStart, toPortPosition, type EsdbPosition } from './position.js';
import { ResubscribingSubscription, type ResubscribeBackoff } from './resubscribing-subscription.js';
import { firstNewRevision, planAppend } from './revisions.js';

export interface EventStoreDbEventStoreOptions {
  /** How often a write that lost a race is re-planned (re-read, then retried, no-op or conflict). Default 100. */
  maxAppendAttempts?: number;
  /** Backoff of subscriptions resubscribing after a drop. */
  resubscribeBackoff?: ResubscribeBackoff;
  /** Told about every subscription drop (logs, metrics). */
  onSubscriptionDrop?(info: { reason: 'ended' | 'error'; error?: unknown; attempt: number; resumeFrom?: string; delayMs: number }): void;
}

/** A JSON round trip, bigint as decimal strings: what is hashed is exactly what a reader gets back. */
const asStoredJson = <T>(value: T): T => JSON.parse(toStorableJson(value)) as T;
const sameId = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** An append that lost the race for the stream's head to another writer: read again and retry. */
class LostRace extends Error {
  constructor(readonly conflict: unknown) {
    super('lost the race for the stream head');
  }
}

/**
 * The production adapter of the event store port, on EventStoreDB (gRPC client
 * `@eventstore/db-client`). See docs/architecture.md §3 and docker/README.md.
 *
 * - Each event's metadata JSON holds the port's metadata plus `hash` and `previousHash`
 *   (event-hash.ts). To chain hashes, an append reads the stream's tail first and then writes
 *   with the exact head revision as the server-side expectation, so a concurrent writer can
 *   never slip between the hash and the write: 'any' and 'stream_exists' appends that lose
 *   such a race are recomputed and retried; explicit expectations surface the conflict.
 * - Idempotency is checked on the events themselves: re-appending events whose ids are
 *   already where the caller expected them succeeds without writing.
 * - readAll and subscribeToAll skip EventStoreDB's system events and treat start positions
 *   as exclusive, like the port says; subscriptions resubscribe after drops.
 */
export class EventStoreDbEventStore implements EventStore {
  readonly positions: PositionCodec = esdbPositionCodec;
  readonly #client: EventStoreDBClient;
  readonly #options: EventStoreDbEventStoreOptions;
  readonly #subscriptions = new Set<Subscription>();
  #closed = false;

  constructor(connectionString: string, options?: EventStoreDbEventStoreOptions);
  constructor(client: EventStoreDBClient, options?: EventStoreDbEventStoreOptions);
  constructor(connection: string | EventStoreDBClient, options: EventStoreDbEventStoreOptions = {}) {
    this.#client = typeof connection === 'string' ? EventStoreDBClient.connectionString(connection) : connection;
    this.#options = options;
  }

  /** From `EVENTSTORE_CONNECTION_STRING`, e.g. `esdb://eventstore:2113?tls=false`. */
  static fromEnvironment(env: NodeJS.ProcessEnv = process.env, options?: EventStoreDbEventStoreOptions): EventStoreDbEventStore {
    const connectionString = env.EVENTSTORE_CONNECTION_STRING;
    if (!connectionString) throw new Error('EVENTSTORE_CONNECTION_STRING is not set');
    return new EventStoreDbEventStore(connectionString, options);
  }

  async append(streamId: string, events: EventData[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult> {
    const expectedRevision = options?.expectedRevision;
    validateAppend(streamId, events, expectedRevision);
    const stored = events.map((event) => ({ ...event, data: asStoredJson(event.data), metadata: asStoredJson(event.metadata) }));
    const maxAttempts = this.#options.maxAppendAttempts ?? 100;
    const attempt = async (): Promise<AppendResult> => {
      const tail = await this.#readTail(streamId, stored.length);
      const head = tail.at(-1);
      const plan = planAppend(expectedRevision, head?.revision);
      if (plan.kind === 'conflict') {
        throw new WrongExpectedVersionError(streamId, expectedRevision, head?.revision);
      }
      if (plan.kind === 'check-duplicate') {
        const already = await this.#readRange(streamId, plan.fromRevision, stored.length);
        if (this.#isSameBatch(already, stored)) return this.#resultOf(already);
        throw new WrongExpectedVersionError(streamId, expectedRevision, head?.revision);
      }
      if (plan.kind === 'check-tail' && this.#isSameBatch(tail, stored)) return this.#resultOf(tail);

      // Write at the head we read, chaining hashes from its hash.
      let previousHash = head?.hash ?? '';
      let revision = firstNewRevision(head?.revision);
      const toWrite = stored.map((event) => {
        const hash = computeEventHash(previousHash, { streamId, revision, type: event.type, data: event.data, metadata: event.metadata });
        const clientEvent = toClientEvent(event, hash, previousHash);
        previousHash = hash;
        revision += 1n;
        return clientEvent;
      });
      let result: ClientAppendResult;
      try {
        result = await this.#client.appendToStream(streamId, toWrite, {
          expectedRevision: head === undefined ? 'no_stream' : head.revision,
        });
      } catch (error) {
        const mapped = mapClientError(error, streamId);
        if (!(mapped instanceof WrongExpectedVersionError)) throw mapped;
        // Someone wrote between our read and our write (or this very batch landed through a
        // retried call): read again; the next round decides between retry, no-op and conflict.
        throw new LostRace(toWrongExpectedVersion(streamId, error as ClientWrongExpectedVersionError));
      }
      const nextRevision = BigInt(result.nextExpectedRevision);
      // The position the server returns for a write is exact for a single event; for a batch it
      // may be the transaction's rather than its last event's (as $all reports it). The port
      // promises the last event's position, comparable with what readAll/subscribeToAll give,
      // so a batch reads it back (one small read).
      const position =
        result.position && toWrite.length === 1 ? toPortPosition(result.position) : (await this.#readRange(streamId, nextRevision, 1)).at(0)?.position;
      if (!position) throw new Error(`EventStoreDB did not return the position of the append to ${streamId}`);
      return { nextRevision, position };
    };
    try {
      // Spread the retries of writers that lost the same race.
      return await retry(attempt, { retries: maxAttempts - 1, retryIf: (error) => error instanceof LostRace, backoff: CONFLICT_BACKOFF });
    } catch (error) {
      throw error instanceof LostRace ? error.conflict : error;
    }
  }

  readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    const client = this.#client;
    return {
      async *[Symbol.asyncIterator]() {
        const direction = options.direction ?? 'forwards';
        if (options.maxCount !== undefined && options.maxCount <= 0) return;
        const read = client.readStream(streamId, {
          direction: direction === 'forwards' ? FORWARDS : BACKWARDS,
          fromRevision: options.fromRevision !== undefined ? BigInt(options.fromRevision) : direction === 'forwards' ? START : END,
          maxCount: options.maxCount ?? Number.MAX_SAFE_INTEGER,
        });
        try {
          for await (const resolved of read) {
            const event = toRecordedEvent(resolved);
            if (event) yield event;
          }
        } catch (error) {
          throw mapClientError(error, streamId);
        } finally {
          void read.cancel().catch(() => undefined);
        }
      },
    };
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    const client = this.#client;
    return {
      async *[Symbol.asyncIterator]() {
        const direction = options.direction ?? 'forwards';
        const maxCount = options.maxCount ?? Number.POSITIVE_INFINITY;
        if (maxCount <= 0) return;
        const from = options.fromPosition ? fromPortPosition(options.fromPosition) : undefined;
        // The client (6.x) has no server-side filter for reads of $all: filter here and let
        // the read stream (with back-pressure) until enough events matched. Without a filter,
        // ask the server for just enough: one more than asked, for the inclusive start.
        const serverCount = options.filter || !Number.isFinite(maxCount) ? Number.MAX_SAFE_INTEGER : maxCount + (from ? 1 : 0) + SYSTEM_EVENT_SLACK;
        const read = client.readAll({
          direction: direction === 'forwards' ? FORWARDS : BACKWARDS,
          fromPosition: from ?? (direction === 'forwards' ? START : END),
          maxCount: serverCount,
        });
        let delivered = 0;
        try {
          for await (const resolved of read as AsyncIterable<AllStreamResolvedEvent>) {
            const recorded = resolved.event;
            if (!recorded) continue;
            if (!isPastStart(recordedPosition(recorded), from, direction)) continue;
            if (!matchesFilter(recorded.streamId, recorded.type, options.filter, recorded.created)) continue;
            const event = toRecordedEvent(resolved);
            if (!event) continue;
            yield event;
            if (++delivered >= maxCount) return;
          }
        } catch (error) {
          throw mapClientError(error);
        } finally {
          void read.cancel().catch(() => undefined);
        }
      },
    };
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Subscription {
    if (this.#closed) throw new Error('The event store is closed');
    const client = this.#client;
    const filter = options.filter;
    const onDrop = this.#options.onSubscriptionDrop;
    const subscription: Subscription = new ResubscribingSubscription<AllStreamResolvedEvent>({
      from: options.fromPosition ? fromPortPosition(options.fromPosition) : undefined,
      open: (from) =>
        client.subscribeToAll({
          fromPosition: from ? { commit: from.commit, prepare: from.prepare } : START,
          filter: toServerFilter(filter),
        }),
      positionOf: (raw) => (raw.event ? recordedPosition(raw.event) : undefined),
      toEvent: (raw) => (raw.event && matchesFilter(raw.event.streamId, raw.event.type, filter, raw.event.created) ? toRecordedEvent(raw) : undefined),
      isTransient: isTransientError,
      mapError: (error) => mapClientError(error),
      backoff: this.#options.resubscribeBackoff,
      onDrop: onDrop
        ? (info) =>
            onDrop({
              ...info,
              resumeFrom: info.resumeFrom ? `C:${info.resumeFrom.commit}/P:${info.resumeFrom.prepare}` : undefined,
            })
        : undefined,
    });
    this.#subscriptions.add(subscription);
    const close = subscription.close.bind(subscription);
    subscription.close = async () => {
      this.#subscriptions.delete(subscription);
      await close();
    };
    return subscription;
  }

  async streamRevision(streamId: string): Promise<bigint | undefined> {
    return (await this.#readTail(streamId, 1)).at(-1)?.revision;
  }

  /** `$all` has no count short of reading it whole. */
  eventCount(): Promise<null> {
    return Promise.resolve(null);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await Promise.allSettled([...this.#subscriptions].map((subscription) => subscription.close()));
    await this.#client.dispose();
  }

  /** The last `count` events of a stream, oldest first; [] for a missing stream. */
  async #readTail(streamId: string, count: number): Promise<RecordedEvent[]> {
    try {
      const events: RecordedEvent[] = [];
      for await (const resolved of this.#client.readStream(streamId, { direction: BACKWARDS, fromRevision: END, maxCount: count })) {
        const event = toRecordedEvent(resolved as ResolvedEvent);
        if (event) events.push(event);
      }
      return events.reverse();
    } catch (error) {
      if (isStreamNotFound(error)) return [];
      throw mapClientError(error, streamId);
    }
  }

  /** Up to `count` events from `fromRevision` on. */
  async #readRange(streamId: string, fromRevision: bigint, count: number): Promise<RecordedEvent[]> {
    try {
      const events: RecordedEvent[] = [];
      for await (const resolved of this.#client.readStream(streamId, { direction: FORWARDS, fromRevision, maxCount: count })) {
        const event = toRecordedEvent(resolved as ResolvedEvent);
        if (event) events.push(event);
      }
      return events;
    } catch (error) {
      if (isStreamNotFound(error)) return [];
      throw mapClientError(error, streamId);
    }
  }

  #isSameBatch(recorded: RecordedEvent[], events: EventData[]): boolean {
    return recorded.length === events.length && recorded.every((event, i) => sameId(event.id, events[i]!.id));
  }

  #resultOf(recorded: RecordedEvent[]): AppendResult {
    const last = recorded.at(-1)!;
    return { nextRevision: last.revision, position: last.position };
  }
}

/**
 * A $all read without a filter may still meet a few system events ($metadata, stats, …) that
 * are skipped; asking for a little more avoids a short page in the common case.
 */
const SYSTEM_EVENT_SLACK = 16;

function recordedPosition(event: { position?: { commit: bigint; prepare: bigint } }): EsdbPosition {
  if (!event.position) throw new Error('EventStoreDB returned an event of $all without a position');
  return { commit: BigInt(event.position.commit), prepare: BigInt(event.position.prepare) };
}
