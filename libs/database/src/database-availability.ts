import pg from 'pg';
import { isDatabaseUnavailable } from './connection-errors.js';

export interface AvailabilityOptions {
  /** Time between two probes while the database answers (ms). */
  intervalMs: number;
  /** Time between two probes while it does not (ms): recovery is noticed this fast. */
  downIntervalMs: number;
  /** A probe unanswered after this long means « down » (ms). */
  timeoutMs: number;
  onChange?: (available: boolean, reason?: string) => void;
  /** The probe got no answer: the connections in use are most likely stuck too. */
  onProbeFailure?: () => void;
}

const DEFAULTS: AvailabilityOptions = { intervalMs: 1_000, downIntervalMs: 250, timeoutMs: 2_000 };

/**
 * Whether the database answers, known without waiting for it: a probe (`SELECT 1` on a
 * connection of its own) runs every second, and any request that fails with a connection
 * error reports it. While the database is down the API refuses requests at once with 503
 * instead of letting each one wait for a connection timeout; the probe, run every 250 ms
 * meanwhile, notices when it is back.
 */
export class DatabaseAvailability {
  private readonly options: AvailabilityOptions;
  private client: pg.Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private probing: Promise<void> | undefined;
  private running = false;
  private downReason: string | undefined;

  constructor(
    private readonly clientConfig: pg.ClientConfig,
    options: Partial<AvailabilityOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  get available(): boolean {
    return this.downReason === undefined;
  }

  /** Why the database is taken to be down (an error message, never data). */
  get reason(): string | undefined {
    return this.downReason;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.probing;
    this.dropClient();
  }

  /** A request failed: if the cause is the connection, the database is down until a probe says otherwise. */
  reportFailure(error: unknown): void {
    if (!isDatabaseUnavailable(error)) return;
    this.markDown(error instanceof Error ? error.message : String(error));
    if (this.running && !this.probing) this.schedule(this.options.downIntervalMs);
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    if (!this.running) return;
    this.timer = setTimeout(() => {
      this.probing = this.probe().finally(() => {
        this.probing = undefined;
        this.schedule(this.available ? this.options.intervalMs : this.options.downIntervalMs);
      });
    }, ms);
    this.timer.unref();
  }

  private async probe(): Promise<void> {
    try {
      await withTimeout(this.select1(), this.options.timeoutMs);
      this.markUp();
    } catch (error) {
      this.dropClient();
      this.markDown(error instanceof Error ? error.message : String(error));
      if (this.running) this.options.onProbeFailure?.();
    }
  }

  private async select1(): Promise<void> {
    if (!this.client) {
      const client = new pg.Client({ ...this.clientConfig, connectionTimeoutMillis: this.options.timeoutMs, query_timeout: undefined });
      client.on('error', () => {
        if (this.client === client) this.dropClient();
      });
      this.client = client;
      await client.connect();
    }
    await this.client.query('SELECT 1');
  }

  private dropClient(): void {
    const client = this.client;
    this.client = undefined;
    if (!client) return;
    // end() waits for the server's goodbye, which a frozen server never sends: close the socket.
    (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
    client.end().catch(() => undefined);
  }

  private markDown(reason: string): void {
    const was = this.available;
    this.downReason = reason;
    if (was) this.options.onChange?.(false, reason);
  }

  private markUp(): void {
    if (this.available) return;
    this.downReason = undefined;
    this.options.onChange?.(true);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  promise.catch(() => undefined); // a late failure after the timeout is not unhandled
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
