import pg from 'pg';

/**
 * One LISTEN connection per store, shared by its subscriptions (a dedicated pg.Client,
 * not a pool connection: it stays checked out for as long as anyone listens). Opened by
 * the first subscriber, closed when the last one leaves. A notification only wakes
 * subscribers early; they also poll (subscription.ts), so a lost connection costs
 * latency, not events: the listener then reconnects on the next `acquire`.
 */
export class NotificationListener {
  private client: pg.Client | undefined;
  private connecting: Promise<void> | undefined;
  private readonly wakers = new Set<() => void>();

  constructor(
    private readonly connectionConfig: pg.ClientConfig,
    private readonly channel: string,
  ) {}

  /** Registers `wake`; returns the function that unregisters it. */
  async acquire(wake: () => void): Promise<() => Promise<void>> {
    this.wakers.add(wake);
    await this.ensureConnected().catch(() => undefined); // polling still works without it
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
      client.on('notification', () => this.wakeAll());
      client.on('error', () => {
        // Dropped: forget it (the next acquire reconnects) and let pollers carry on.
        if (this.client === client) this.client = undefined;
        client.end().catch(() => undefined);
        this.wakeAll();
      });
      try {
        await client.connect();
        await client.query(`LISTEN "${this.channel.replace(/"/g, '""')}"`);
        if (this.wakers.size === 0) {
          await client.end();
          return;
        }
        this.client = client;
      } catch (error) {
        await client.end().catch(() => undefined);
        throw error;
      }
    })().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private wakeAll(): void {
    for (const wake of this.wakers) wake();
  }

  async disconnect(): Promise<void> {
    await this.connecting?.catch(() => undefined);
    const client = this.client;
    this.client = undefined;
    if (client) await client.end().catch(() => undefined);
  }

  get listening(): boolean {
    return this.client !== undefined;
  }
}
