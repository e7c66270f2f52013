import type { RecordedEvent } from '../event-store.port.js';
import { toPortPosition, type EsdbPosition } from './position.js';
import { backoffDelay } from '#ardoise/kernel';
import { ResubscribingSubscription, type SubscriptionAttempt } from './resubscribing-subscription.js';

/** A raw item as the fake server sends it: a position and whether it is an application event. */
interface Raw {
  at: number;
  system?: boolean;
}

/** What one server subscription attempt does after sending its items. */
type Ending = 'end' | 'error' | 'fatal' | 'hang';

/**
 * A fake of the EventStoreDB client's subscription: a log of positions; each `open(from)`
 * replays from `from` INCLUSIVE (the worst case) a scripted number of items, then ends,
 * fails or hangs as scripted.
 */
function fakeServer(log: Raw[], script: Array<{ take: number; then: Ending }>) {
  const opens: Array<EsdbPosition | undefined> = [];
  let unsubscribed = 0;
  const open = (from: EsdbPosition | undefined): SubscriptionAttempt<Raw> => {
    opens.push(from);
    const step = script.shift() ?? { take: Number.POSITIVE_INFINITY, then: 'hang' as Ending };
    const items = log.filter((raw) => from === undefined || BigInt(raw.at) >= from.commit).slice(0, step.take);
    return {
      async *[Symbol.asyncIterator]() {
        for (const item of items) yield item;
        if (step.then === 'error') throw Object.assign(new Error('14 UNAVAILABLE: connection reset'), { code: 14 });
        if (step.then === 'fatal') throw new TypeError('access denied');
        if (step.then === 'hang') await new Promise(() => undefined);
      },
      async unsubscribe() {
        unsubscribed += 1;
      },
    };
  };
  return { open, opens, unsubscribed: () => unsubscribed };
}

const asEvent = (raw: Raw): RecordedEvent => ({
  id: `00000000-0000-4000-8000-${String(raw.at).padStart(12, '0')}`,
  type: 'Happened',
  data: { at: raw.at },
  metadata: {} as RecordedEvent['metadata'],
  streamId: 'family-1',
  revision: BigInt(raw.at),
  position: toPortPosition({ commit: BigInt(raw.at), prepare: BigInt(raw.at) }),
  recordedAt: new Date(0),
  hash: '',
  previousHash: '',
});

function subscription(server: ReturnType<typeof fakeServer>, from?: number, drops: unknown[] = []) {
  return new ResubscribingSubscription<Raw>({
    from: from === undefined ? undefined : { commit: BigInt(from), prepare: BigInt(from) },
    open: server.open,
    positionOf: (raw) => ({ commit: BigInt(raw.at), prepare: BigInt(raw.at) }),
    toEvent: (raw) => (raw.system ? undefined : asEvent(raw)),
    isTransient: (error) => !(error instanceof TypeError),
    backoff: { initialMs: 1, maxMs: 4 },
    sleep: async () => undefined,
    random: () => 0,
    onDrop: (info) => drops.push(info),
  });
}

async function take(sub: AsyncIterable<RecordedEvent>, count: number): Promise<number[]> {
  const seen: number[] = [];
  for await (const event of sub) {
    seen.push(Number(event.revision));
    if (seen.length === count) break;
  }
  return seen;
}

const log = (n: number, system: number[] = []): Raw[] => Array.from({ length: n }, (_, i) => ({ at: (i + 1) * 10, system: system.includes((i + 1) * 10) }));

describe('ResubscribingSubscription', () => {
  it('resubscribes after a silent end from the last position seen, never repeating an event', async () => {
    const server = fakeServer(log(6), [
      { take: 2, then: 'end' },
      { take: 3, then: 'end' },
    ]);
    const drops: unknown[] = [];
    const sub = subscription(server, undefined, drops);
    expect(await take(sub, 6)).toEqual([10, 20, 30, 40, 50, 60]);
    // The fake replays inclusively: the resume points are the last delivered positions.
    expect(server.opens.map((p) => p?.commit)).toEqual([undefined, 20n, 40n]);
    expect(drops).toHaveLength(2);
    expect(drops[0]).toMatchObject({ reason: 'ended', attempt: 1 });
  });

  it('resubscribes after a transient error with a growing backoff', async () => {
    const server = fakeServer(log(4), [
      { take: 1, then: 'error' },
      { take: 0, then: 'error' },
      { take: 0, then: 'error' },
    ]);
    const drops: Array<{ delayMs: number; attempt: number }> = [];
    const sub = subscription(server, undefined, drops);
    expect(await take(sub, 4)).toEqual([10, 20, 30, 40]);
    expect(drops.map((d) => d.attempt)).toEqual([1, 2, 3]);
    expect(drops.map((d) => d.delayMs)).toEqual([1, 1, 2]);
    expect(server.opens.map((p) => p?.commit)).toEqual([undefined, 10n, 10n, 10n]);
  });

  it('starts after an exclusive start position', async () => {
    const server = fakeServer(log(5), []);
    expect(await take(subscription(server, 30), 2)).toEqual([40, 50]);
  });

  it('skips system events but resumes past them', async () => {
    const server = fakeServer(log(5, [20, 30]), [{ take: 3, then: 'end' }]);
    const sub = subscription(server);
    expect(await take(sub, 3)).toEqual([10, 40, 50]);
    expect(server.opens[1]?.commit).toBe(30n);
  });

  it('ends with the error when retrying cannot help', async () => {
    const server = fakeServer(log(3), [{ take: 1, then: 'fatal' }]);
    const sub = subscription(server);
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const event of sub) seen.push(Number(event.revision));
      })(),
    ).rejects.toThrow('access denied');
    expect(seen).toEqual([10]);
  });

  it('close() ends an iteration waiting on a quiet live subscription and releases it', async () => {
    const server = fakeServer(log(2), [{ take: 2, then: 'hang' }]);
    const sub = subscription(server);
    const seen: number[] = [];
    const done = (async () => {
      for await (const event of sub) seen.push(Number(event.revision));
    })();
    await new Promise((resolve) => setTimeout(resolve, 10));
    await sub.close();
    await done;
    expect(seen).toEqual([10, 20]);
    expect(server.unsubscribed()).toBeGreaterThanOrEqual(1);
  });

  it('breaking out of for-await releases the server subscription', async () => {
    const server = fakeServer(log(5), []);
    const sub = subscription(server);
    expect(await take(sub, 2)).toEqual([10, 20]);
    expect(server.unsubscribed()).toBe(1);
    expect(() => sub[Symbol.asyncIterator]()).toThrow('only once');
  });

  it('backs off exponentially up to a ceiling, with jitter in [delay/2, delay] (the kernel’s backoff)', () => {
    const backoff = { initialMs: 100, maxMs: 1000, jitter: 0.5 };
    expect(backoffDelay(1, backoff, () => 1)).toBe(100);
    expect(backoffDelay(1, backoff, () => 0)).toBe(50);
    expect(backoffDelay(3, backoff, () => 1)).toBe(400);
    expect(backoffDelay(10, backoff, () => 1)).toBe(1000);
  });
});
