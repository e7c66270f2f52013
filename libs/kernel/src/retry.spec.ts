import { Backoff, backoffDelay, CONFLICT_BACKOFF, retry, sleep } from './retry.js';

describe('backoffDelay', () => {
  it('doubles from the initial delay up to the cap, drawing the jittered share at random', () => {
    const policy = { initialMs: 100, maxMs: 1000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, policy, () => 1))).toEqual([100, 200, 400, 800, 1000]);
    expect(backoffDelay(1, policy, () => 0)).toBe(50); // default jitter: half of it at most
    expect(backoffDelay(3, { ...policy, jitter: 0 }, () => 0)).toBe(400);
    expect(backoffDelay(2, CONFLICT_BACKOFF, () => 0)).toBe(0);
    expect(backoffDelay(100, CONFLICT_BACKOFF, () => 1)).toBe(50);
  });
});

describe('Backoff', () => {
  it('counts failures, with at most the jittered share below the doubled delay, and resets', () => {
    const b = new Backoff({ initialMs: 100, maxMs: 1000, jitter: 0.25 });
    const delays = Array.from({ length: 6 }, () => b.next());
    const bases = [100, 200, 400, 800, 1000, 1000];
    delays.forEach((d, i) => {
      expect(d).toBeLessThanOrEqual(bases[i]!);
      expect(d).toBeGreaterThanOrEqual(bases[i]! * 0.75);
    });
    expect(b.attempts).toBe(6);
    b.reset();
    expect(b.next()).toBeLessThanOrEqual(100);
  });
});

describe('sleep', () => {
  it('ends early when aborted', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const done = sleep(10_000, controller.signal);
    controller.abort();
    await done;
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('retry', () => {
  it('tries again until the operation succeeds, waiting the backoff between attempts', async () => {
    const waits: number[] = [];
    const result = await retry(
      async (attempt) => {
        if (attempt < 3) throw new Error(`busy ${attempt}`);
        return attempt;
      },
      { retries: 5, backoff: { initialMs: 1, maxMs: 4, jitter: 0 }, onRetry: (_e, _n, delayMs) => waits.push(delayMs) },
    );
    expect(result).toBe(3);
    expect(waits).toEqual([1, 2]);
  });

  it('throws the last failure once the retries are spent, and at once a failure not worth retrying', async () => {
    let calls = 0;
    await expect(retry(async () => Promise.reject(new Error(`no ${++calls}`)), { retries: 2 })).rejects.toThrow('no 3');
    calls = 0;
    const fatal = new TypeError('bad input');
    await expect(retry(async () => (++calls, Promise.reject(fatal)), { retries: 5, retryIf: (e) => !(e instanceof TypeError) })).rejects.toBe(fatal);
    expect(calls).toBe(1);
  });
});
