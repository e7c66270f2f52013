import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Runs `work`, then waits until `minimumMs` have passed since the start. For answers that
 * must not tell, by their timing, whether an address has an account: the work differs
 * (a link issued and an e-mail queued, or nothing), the time to answer does not.
 * `minimumMs` must stay well above the work's usual duration.
 */
export async function answerAfterAtLeast<T>(minimumMs: number, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await work();
  const left = minimumMs - (performance.now() - start);
  if (left > 0) await sleep(left);
  return result;
}
