import { Backoff, sleep } from './backoff.js';

describe('Backoff', () => {
  it('doubles from the initial delay up to the cap, with at most 25% jitter below, and resets', () => {
    const b = new Backoff(100, 1000);
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
