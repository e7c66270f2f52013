import type { OnApplicationShutdown } from '@nestjs/common';
import { extname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { frenchDelay, UnavailableError } from '#ardoise/kernel';
import type { PasswordTask } from './password-hasher.worker.js';

/**
 * Checked against when the e-mail is unknown, so that a wrong e-mail costs the same time
 * as a wrong password (no account enumeration by timing).
 */
const DECOY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$8ssmfzn+SZGdNJaE2fCN1g$VMPSE0cEWgsxFQoeTHg8IgM9bbc8/ZAOjxBpPf1eKVY';

/** nice(2)'s lowest priority: 19 above the process's 0. */
const LOWEST_PRIORITY = 19;

/** The threads' module, beside this one: `.js` once built, `.ts` when jest runs the sources. */
const WORKER = new URL(`./password-hasher.worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);

export interface PasswordHasherSettings {
  /** Threads hashing at once (PASSWORD_HASH_THREADS: one per core). */
  threads: number;
  /** Checks waiting for a thread beyond which one more is refused at once (PASSWORD_HASH_QUEUE). */
  queue: number;
  /** A check that has waited this long for a thread is given up (PASSWORD_HASH_WAIT_MS). */
  waitMs: number;
}

/** 503: too many password checks are waiting; nothing was checked, nothing changed. */
export class PasswordChecksBusyError extends UnavailableError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number, detail: string) {
    super('AUTH.BUSY', `Beaucoup de connexions sont en cours : réessayez dans ${frenchDelay(retryAfterSeconds)}.`, detail, { retryAfterSeconds });
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

interface Waiter {
  /** Called with the thread this waiter now holds. */
  start: () => void;
  timer: NodeJS.Timeout;
  refuse: (error: Error) => void;
}

/**
 * Every argon2id hash and check of a password (sign-in, the decoy of an unknown e-mail, changes
 * and resets, activations, staff accounts) runs here, in a pool of worker threads (piscina)
 * at the lowest CPU priority (nice 19): a hash only takes the CPU that the event loop and
 * PostgreSQL leave, so that a crowd signing in does not slow down the bookings. Its bound: at
 * most `threads` checks run, at most `queue` wait, each at most `waitMs` (refused at once when
 * the pace of the last checks says it would wait longer); past that the check is refused with
 * a 503 that says when to come back (PasswordChecksBusyError), before anything is counted or
 * written. The queue is ours, not piscina's, so that a check given up has never
 * started (piscina can only abort a started task by stopping its thread).
 *
 * The threads start with the first check (a process that never checks a password starts none)
 * and stop when the application closes (Nest's shutdown hook).
 */
export class PasswordHasher implements OnApplicationShutdown {
  private pool?: Piscina;
  /** Threads held by a check (the queue's turn is handed from one check to the next). */
  private running = 0;
  /** In arrival order (a Set keeps it, and lets a waiter given up leave from anywhere). */
  private readonly waiting = new Set<Waiter>();
  private closed = false;
  /** How long a check has lately been taking on its thread (moving average, ms); unknown before the first. */
  private recentRunMs?: number;

  constructor(private readonly settings: PasswordHasherSettings) {}

  /** A new argon2id hash of `password` (OWASP's minimum: 19 MiB, 2 iterations, 1 lane). */
  async hash(password: string): Promise<string> {
    return (await this.run({ password })) as string;
  }

  /**
   * Whether `password` matches `passwordHash`; `undefined` (no such account) is checked against
   * a decoy hash, which costs the same time and never matches. False for a malformed hash.
   */
  async verify(passwordHash: string | undefined, password: string): Promise<boolean> {
    const matches = (await this.run({ passwordHash: passwordHash ?? DECOY_HASH, password })) as boolean;
    return matches && passwordHash !== undefined;
  }

  /**
   * Throws PasswordChecksBusyError when a check asked now would be refused at once: for a
   * sign-in to say so before it reads anything.
   */
  assertAccepting(): void {
    const refusal = this.refusal();
    if (refusal) throw refusal;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }

  /** Refuses the checks still waiting, lets the running ones end, stops the threads. */
  async close(): Promise<void> {
    this.closed = true;
    for (const waiter of this.waiting) {
      clearTimeout(waiter.timer);
      waiter.refuse(this.busy('closing'));
    }
    this.waiting.clear();
    const pool = this.pool;
    this.pool = undefined;
    await pool?.close();
  }

  private async run(task: PasswordTask): Promise<string | boolean> {
    await this.turn();
    try {
      if (this.closed) throw this.busy('closing'); // closed while this check took its turn
      this.pool ??= new Piscina({
        filename: WORKER.href,
        minThreads: this.settings.threads,
        maxThreads: this.settings.threads,
        niceIncrement: LOWEST_PRIORITY,
        recordTiming: false,
      });
      const started = performance.now();
      const result = (await this.pool.run(task)) as string | boolean;
      const ms = performance.now() - started;
      this.recentRunMs = this.recentRunMs === undefined ? ms : this.recentRunMs + 0.2 * (ms - this.recentRunMs);
      return result;
    } finally {
      this.handOver();
    }
  }

  /** Resolves once this check holds a thread; refuses it at once (refusal()) or after waiting `waitMs`. */
  private turn(): Promise<void> {
    const refusal = this.refusal();
    if (refusal) return Promise.reject(refusal);
    if (this.running < this.settings.threads) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise((start, refuse) => {
      const waiter: Waiter = {
        start,
        refuse,
        timer: setTimeout(() => {
          this.waiting.delete(waiter);
          refuse(this.busy(`waited ${this.settings.waitMs} ms for a thread`));
        }, this.settings.waitMs),
      };
      this.waiting.add(waiter);
    });
  }

  /**
   * Why a check asked now is refused at once, if it is: closing; every thread busy and the queue
   * full; or every thread busy and, at the pace checks have lately been going (which at the
   * lowest priority is the CPU left over), its turn would come after `waitMs` — it would only
   * be refused then, having held its request that long.
   */
  private refusal(): PasswordChecksBusyError | undefined {
    if (this.closed) return this.busy('closing');
    if (this.running < this.settings.threads) return undefined;
    if (this.waiting.size >= this.settings.queue) return this.busy(`queue full (${this.waiting.size} waiting)`);
    const expectedMs = ((this.waiting.size + 1) * (this.recentRunMs ?? 0)) / this.settings.threads;
    if (expectedMs > this.settings.waitMs) return this.busy(`about ${Math.round(expectedMs)} ms to wait for a thread`);
    return undefined;
  }

  /** The thread a check leaves goes to the first waiting one, else back to the free ones. */
  private handOver(): void {
    const next = this.waiting.values().next();
    if (next.done) {
      this.running--;
      return;
    }
    this.waiting.delete(next.value);
    clearTimeout(next.value.timer);
    next.value.start();
  }

  /** Retry-After: a waiting check leaves the queue within `waitMs`, so the queue seen now is gone by then. */
  private busy(detail: string): PasswordChecksBusyError {
    return new PasswordChecksBusyError(Math.max(1, Math.ceil(this.settings.waitMs / 1000)), `password checks: ${detail}`);
  }
}
