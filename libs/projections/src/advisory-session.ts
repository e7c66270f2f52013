import type pg from 'pg';

export type LostListener = (keys: string[], reason: unknown) => void;

/**
 * One dedicated PostgreSQL session holding session-level advisory locks (pg_try_advisory_lock
 * on hashtextextended(key)). The locks live as long as the session: if the connection
 * drops, PostgreSQL releases them and another process may take over, so listeners are told
 * at once and every later use reconnects.
 */
export class AdvisorySession {
  private client?: pg.Client;
  private connecting?: Promise<pg.Client>;
  private readonly held = new Set<string>();
  private readonly lostListeners = new Set<LostListener>();

  constructor(private readonly createClient: () => pg.Client) {}

  holds(key: string): boolean {
    return this.held.has(key);
  }

  async tryLock(key: string): Promise<boolean> {
    if (this.held.has(key)) return true;
    const { rows } = await this.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked', [key]);
    if (!rows[0]?.locked) return false;
    this.held.add(key);
    return true;
  }

  async unlock(key: string): Promise<void> {
    if (!this.held.delete(key) || !this.client) return;
    await this.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key]);
  }

  /**
   * Runs a statement on this session; a failure abandons the session (and its locks).
   * Statements run one after the other (workers and heartbeats share the session, and a
   * pg client must not be handed a query while another one runs).
   */
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<pg.QueryResult<R>> {
    const run = this.tail.then(async () => {
      const client = await this.connection();
      try {
        return await client.query<R>(text, values);
      } catch (error) {
        this.abandon(client, error);
        throw error;
      }
    });
    this.tail = run.catch(() => undefined);
    return run;
  }

  private tail: Promise<unknown> = Promise.resolve();

  onLost(listener: LostListener): () => void {
    this.lostListeners.add(listener);
    return () => this.lostListeners.delete(listener);
  }

  /** Ends the session, which releases every lock it holds. */
  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.held.clear();
    if (client) await client.end().catch(() => undefined);
  }

  private abandon(client: pg.Client, reason: unknown): void {
    if (this.client !== client) return;
    this.client = undefined;
    const keys = [...this.held];
    this.held.clear();
    client.end().catch(() => undefined);
    for (const listener of this.lostListeners) listener(keys, reason);
  }

  private connection(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= (async () => {
      const client = this.createClient();
      client.on('error', (error) => this.abandon(client, error));
      client.on('end', () => this.abandon(client, new Error('advisory lock session ended')));
      try {
        await client.connect();
      } catch (error) {
        await client.end().catch(() => undefined);
        throw error;
      }
      this.client = client;
      return client;
    })().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }
}

export const leaderLockKey = (projection: string): string => `ardoise:projection:${projection}`;
export const rebuildLockKey = (projection: string): string => `ardoise:projection-rebuild:${projection}`;
