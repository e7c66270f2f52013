import { inBatches, readAhead } from './batches.js';

/** A source that yields `ready` values at once, then waits for `push`. */
function liveSource<T>(ready: T[]) {
  const queue = [...ready];
  let waiting: ((r: IteratorResult<T>) => void) | undefined;
  let closed = false;
  const iterable: AsyncIterable<T> = {
    [Symbol.asyncIterator]: () => ({
      next: () =>
        queue.length > 0
          ? Promise.resolve({ done: false, value: queue.shift()! })
          : closed
            ? Promise.resolve({ done: true, value: undefined })
            : new Promise((resolve) => (waiting = resolve)),
    }),
  };
  return {
    iterable,
    push(value: T) {
      if (waiting) {
        const w = waiting;
        waiting = undefined;
        w({ done: false, value });
      } else queue.push(value);
    },
    close() {
      closed = true;
      waiting?.({ done: true, value: undefined });
    },
  };
}

describe('inBatches', () => {
  it('fills batches up to maxSize from what is available, then yields the rest', async () => {
    async function* source() {
      for (let i = 0; i < 7; i++) yield i;
    }
    const batches: number[][] = [];
    for await (const b of inBatches(source(), 3)) batches.push(b);
    expect(batches).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
  });

  it('yields what arrived without waiting for a full batch, and keeps the pending read for the next one', async () => {
    const src = liveSource([1, 2]);
    const it = inBatches(src.iterable, 10)[Symbol.asyncIterator]();
    expect((await it.next()).value).toEqual([1, 2]);
    const next = it.next();
    src.push(3);
    expect((await next).value).toEqual([3]);
    src.push(4);
    src.push(5);
    expect((await it.next()).value).toEqual([4, 5]);
    const last = it.next();
    src.close();
    expect((await last).done).toBe(true);
  });

  it('propagates a source error', async () => {
    async function* source() {
      yield 1;
      throw new Error('boom');
    }
    const seen: number[][] = [];
    await expect(
      (async () => {
        for await (const b of inBatches(source(), 5)) seen.push(b);
      })(),
    ).rejects.toThrow('boom');
  });

  it('refuses a batch size below 1', async () => {
    await expect(inBatches(liveSource([]).iterable, 0).next()).rejects.toThrow('maxSize');
  });
});

describe('readAhead', () => {
  it('pulls from the source while the consumer is busy, in order, up to its limit', async () => {
    const source = liveSource([1, 2, 3, 4, 5]);
    let pulled = 0;
    const counted: AsyncIterable<number> = {
      [Symbol.asyncIterator]: () => {
        const inner = source.iterable[Symbol.asyncIterator]();
        return { next: () => inner.next().then((r) => (r.done ? r : (pulled++, r))) };
      },
    };
    const iterator = readAhead(counted, 3)[Symbol.asyncIterator]();
    await new Promise((r) => setImmediate(r));
    expect(pulled).toBe(3); // read ahead before anyone asked, no further than the limit
    expect((await iterator.next()).value).toBe(1);
    await new Promise((r) => setImmediate(r));
    expect(pulled).toBe(4);
    source.push(6);
    const rest: number[] = [];
    for (let i = 0; i < 5; i++) rest.push((await iterator.next()).value as number);
    expect(rest).toEqual([2, 3, 4, 5, 6]);
    source.close();
    expect((await iterator.next()).done).toBe(true);
  });

  it('throws the source error after the items read before it', async () => {
    async function* failing() {
      yield 1;
      throw new Error('boom');
    }
    const iterator = readAhead(failing(), 10)[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toBe(1);
    await expect(iterator.next()).rejects.toThrow('boom');
  });
});
