const NOTHING_YET = Symbol('nothing-yet');

const afterPendingIo = (): Promise<typeof NOTHING_YET> => new Promise((resolve) => setImmediate(() => resolve(NOTHING_YET)));

/**
 * Groups an async iterable into batches of at most `maxSize`: a batch holds the first
 * event plus whatever else is already available (resolves before pending I/O), so a
 * catch-up fills whole batches and a live subscription yields each event promptly.
 *
 * The source is not closed when the consumer stops early while a read is pending (an
 * async generator would queue `return()` behind a read that may wait forever for a live
 * event): the owner closes the subscription itself.
 */
export async function* inBatches<T>(source: AsyncIterable<T>, size: number | (() => number)): AsyncGenerator<T[]> {
  const sizeNow = typeof size === 'number' ? () => size : size;
  if (!(sizeNow() >= 1)) throw new Error('maxSize must be at least 1');
  const iterator = source[Symbol.asyncIterator]();
  let pending: Promise<IteratorResult<T>> | undefined;
  let finished = false;
  try {
    while (true) {
      const first = await (pending ?? iterator.next());
      pending = undefined;
      if (first.done) {
        finished = true;
        return;
      }
      const batch: T[] = [first.value];
      const maxSize = Math.max(1, sizeNow());
      while (batch.length < maxSize) {
        const next = iterator.next();
        next.catch(() => undefined); // surfaced when awaited in the next round
        const result = await Promise.race([next, afterPendingIo()]);
        if (result === NOTHING_YET) {
          pending = next;
          break;
        }
        if (result.done) {
          finished = true;
          yield batch;
          return;
        }
        batch.push(result.value);
      }
      yield batch;
    }
  } finally {
    if (!finished && !pending) await iterator.return?.();
  }
}

/**
 * Reads ahead: pulls from `source` into a buffer of at most `limit` items while the consumer
 * is busy (e.g. applying the previous batch), so the next batch is there when it asks.
 * Order is kept; an error of the source is thrown once the items read before it are taken.
 * Like inBatches, it never calls the source's `return()` (the owner closes the subscription).
 */
export function readAhead<T>(source: AsyncIterable<T>, limit: number): AsyncIterable<T> {
  if (!(limit >= 1)) throw new Error('limit must be at least 1');
  return {
    [Symbol.asyncIterator](): AsyncIterator<T> {
      const iterator = source[Symbol.asyncIterator]();
      const buffer: T[] = [];
      let done = false;
      let stopped = false;
      let failure: { error: unknown } | undefined;
      let pulling = false;
      let waiter: (() => void) | undefined;
      const wake = () => {
        const w = waiter;
        waiter = undefined;
        w?.();
      };
      const pump = async () => {
        if (pulling) return;
        pulling = true;
        try {
          while (!done && !stopped && !failure && buffer.length < limit) {
            const result = await iterator.next();
            if (result.done) done = true;
            else buffer.push(result.value);
            wake();
          }
        } catch (error) {
          failure = { error };
          wake();
        } finally {
          pulling = false;
        }
      };
      void pump();
      return {
        async next(): Promise<IteratorResult<T>> {
          while (buffer.length === 0 && !done && !failure && !stopped) await new Promise<void>((resolve) => (waiter = resolve));
          if (buffer.length > 0) {
            const value = buffer.shift()!;
            void pump();
            return { done: false, value };
          }
          if (failure) throw failure.error;
          return { done: true, value: undefined };
        },
        async return(): Promise<IteratorResult<T>> {
          stopped = true;
          wake();
          return { done: true, value: undefined };
        },
      };
    },
  };
}
