/**
 * The one way Ardoise waits and tries again (decision 0010): one backoff formula, a stateful
 * Backoff for loops that run for the life of a process (projection workers, subscriptions), an
 * abortable sleep, and `retry` for an operation tried a bounded number of times.
 */

/** Exponential backoff: `initialMs` doubled at each attempt, capped at `maxMs`, jittered below. */
export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
  /**
   * Share of the delay drawn at random (0: exact; 0.5: between half and all of it; 1: anywhere
   * from 0, "full jitter", for writers that lost the same race). Default 0.5.
   */
  jitter?: number;
}

/** Writers that lost a race on the same stream: a few ms, spread so they do not collide again. */
export const CONFLICT_BACKOFF: BackoffPolicy = { initialMs: 2, maxMs: 50, jitter: 1 };

/** The delay before attempt `attempt + 1` after `attempt` failures (`attempt` counts from 1). */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.initialMs * 2 ** Math.min(30, Math.max(0, attempt - 1)));
  const jitter = policy.jitter ?? 0.5;
  return Math.round(ceiling * (1 - jitter + jitter * random()));
}

/** Consecutive failures of a long-running loop and the delay each calls for; reset on success. */
export class Backoff {
  private failures = 0;

  constructor(
    private readonly policy: BackoffPolicy,
    private readonly random: () => number = Math.random,
  ) {}

  /** Counts one more failure and returns the delay to wait before trying again. */
  next(): number {
    this.failures += 1;
    return backoffDelay(this.failures, this.policy, this.random);
  }

  reset(): void {
    this.failures = 0;
  }

  get attempts(): number {
    return this.failures;
  }
}

/** Resolves after `ms`, or early (without throwing) when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

export interface RetryOptions {
  /** Attempts after the first one (0: no retry). */
  retries: number;
  /** Whether this failure is worth another attempt (default: every failure). */
  retryIf?: (error: unknown, attempt: number) => boolean;
  /** The wait between attempts (default: none). */
  backoff?: BackoffPolicy;
  /** Stops retrying (the last failure is thrown) once aborted. */
  signal?: AbortSignal;
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
  random?: () => number;
}

/**
 * Runs `operation` (given its attempt number, from 1) until it succeeds, a failure is not worth
 * retrying, or the retries are spent; then throws the last failure.
 */
export async function retry<T>(operation: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      const last = attempt > options.retries || options.signal?.aborted || (options.retryIf && !options.retryIf(error, attempt));
      if (last) throw error;
      const delayMs = options.backoff ? backoffDelay(attempt, options.backoff, options.random) : 0;
      options.onRetry?.(error, attempt, delayMs);
      if (delayMs > 0) await sleep(delayMs, options.signal);
    }
  }
}
