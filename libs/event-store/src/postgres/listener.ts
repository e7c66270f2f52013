import pg from 'pg';
import { Backoff } from '#ardoise/kernel';

const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 5_000;

/**
 * One LISTEN connection per store, shared by its subscriptions (a dedicated pg.Client,
 * not a pool connection: it stays checked out for as long as anyone listens). Opened by
 * the first subscriber, closed when the last one leaves. A notification only wakes
 * subscribers early; they also poll (subscription.ts), so a lost connection costs
 * latency, not events. When the connection drops (the server restarted, the session was
 * terminated) the listener reconnects by itself, backing off from 250 ms to 5 s, and wakes
 * every subscriber once it listens again: they read what was appended meanwhile.
 *
 * A notification names the event types appended (notifier.ts, one per line): it wakes only
 * the subscribers that read one of them, and the ones without a type filter. An empty
 * payload (too many types to fit, or another sender) wakes everyone.
 */
export class NotificationListener {
  private client: pg.Client | undefined;
  private connecting: Promise<void> | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private readonly reconnectBackoff = new Backoff({ initialMs: RECONNECT_MIN_MS, maxMs: RECONNECT_MAX_MS, jitter: 0 });
  /** Each waker with the event types it wants woken for (undefined: every type). */
  private readonly wakers = new Map<() => void, ReadonlySet<string> | undefined>();

  constructor(
    private readonly connectionConfig: pg.ClientConfig,
    private readonly channel: string,
  ) {}

  /**
   * Registers `wake`, called on notifications naming one of `eventTypes` (all of them when
   * undefined); returns the function that unregisters it.
   */
  async acquire(wake: () => void, eventTypes?: readonly string[]): Promise<() => Promise<void>> {
    this.wakers.set(wake, eventTypes === undefined ? undefined : new Set(eventTypes));
    await this.ensureConnected().catch(() => this.scheduleReconnect()); // polling works meanwhile
    let released = false;
    return async () => {
      if (released) return;
      released = true;
      this.wakers.delete(wake);
      if (this.wakers.size === 0) await this.disconnect();
    };
  }

  private ensureConnected(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= (async () => {
      const client = new pg.Client(this.connectionConfig);
      client.on('notification', (message) => this.dispatch(message.payload ?? ''));
      client.on('error', () => {
        // Dropped: forget it, let pollers carry on, and listen again as soon as the server answers.
        if (this.client === client) this.client = undefined;
        client.end().catch(() => undefined);
        this.wakeAll();
        this.scheduleReconnect();
      });
      try {
        await client.connect();
        await client.query(`LISTEN "${this.channel.replace(/"/g, '""')}"`);
        if (this.wakers.size === 0) {
          await client.end();
          return;
        }
        this.client = client;
        this.reconnectBackoff.reset();
      } catch (error) {
        await client.end().catch(() => undefined);
        throw error;
      }
    })().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private scheduleReconnect(): void {
    if (this.reconnectTimer || this.wakers.size === 0) return;
    const delay = this.reconnectBackoff.next();
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      if (this.wakers.size === 0 || this.client) return;
      this.ensureConnected().then(
        () => this.wakeAll(), // catch up on anything appended while nobody listened
        () => this.scheduleReconnect(),
      );
    }, delay);
    this.reconnectTimer.unref();
  }

  /** One notification: wakes the subscribers of the types it names (everyone if it names none). */
  private dispatch(payload: string): void {
    if (payload === '') return this.wakeAll();
    const types = payload.split('\n');
    for (const [wake, wanted] of this.wakers) {
      if (!wanted || types.some((type) => wanted.has(type))) wake();
    }
  }

  private wakeAll(): void {
    for (const wake of this.wakers.keys()) wake();
  }

  async disconnect(): Promise<void> {
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    await this.connecting?.catch(() => undefined);
    const client = this.client;
    this.client = undefined;
    if (client) await client.end().catch(() => undefined);
  }

  get listening(): boolean {
    return this.client !== undefined;
  }
}
