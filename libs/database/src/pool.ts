import pg from 'pg';

export interface PoolSettings {
  connectionString: string;
  /** Connections at most. */
  max: number;
  /** Shown in pg_stat_activity (e.g. `ardoise-api`), so operators can tell Ardoise's sessions apart. */
  applicationName: string;
  /** Giving up on opening a connection after this long (ms); 0: never. */
  connectTimeoutMs: number;
  /**
   * Giving up on waiting for a free connection of the pool after this long (ms); 0: never.
   * Longer than connectTimeoutMs: in a rush, requests queue for a connection legitimately.
   */
  acquireTimeoutMs: number;
  /**
   * A statement unanswered after this long (ms) fails and its connection is dropped; the
   * server cancels it too (statement_timeout). 0: no limit (operator tools, migrations).
   */
  queryTimeoutMs: number;
  /** Told about every connection error (already handled: this is for logging). */
  onError?: (error: Error) => void;
}

/**
 * The pg pool of an Ardoise process, built to survive the database going away:
 *
 * - every client gets an 'error' listener from birth. pg's pool listens to idle clients
 *   only; a checked-out client whose connection dies (pg_terminate_backend, a restart)
 *   emits 'error' with no listener, and Node ends the process. With this listener the
 *   query in flight fails, the client is dropped when released, and the process lives;
 * - connecting, and waiting for a connection, are bounded (connectTimeoutMs): during an
 *   outage a request fails in seconds instead of queueing for the outage's length;
 * - a statement that gets no answer (a frozen server keeps its sockets open and silent)
 *   fails after queryTimeoutMs, and its connection is destroyed rather than handed to the
 *   next request with a statement still pending on it;
 * - TCP keep-alive finds connections whose peer vanished; idle-in-transaction sessions are
 *   ended by the server so a stuck client cannot hold locks or the event log's cut.
 */
export function createPool(settings: PoolSettings): pg.Pool {
  const onError = settings.onError ?? (() => undefined);
  const pool = new pg.Pool({
    connectionString: settings.connectionString,
    max: settings.max,
    application_name: settings.applicationName,
    connectionTimeoutMillis: settings.acquireTimeoutMs || undefined,
    query_timeout: settings.queryTimeoutMs || undefined,
    statement_timeout: settings.queryTimeoutMs || undefined,
    idle_in_transaction_session_timeout: 60_000,
    keepAlive: true,
    Client: guardedClient(settings.connectTimeoutMs, onError),
  });
  pool.on('error', onError); // an idle client's connection died: the pool drops it
  return pool;
}

/** The settings of `pool` for a dedicated client (LISTEN, advisory locks): same server, same limits. */
export function clientConfigOf(pool: pg.Pool): pg.ClientConfig {
  const { Client: client, max: _max, ...config } = pool.options as pg.PoolConfig & { Client?: { connectTimeoutMs?: number } };
  return { ...config, connectionTimeoutMillis: client?.connectTimeoutMs || undefined, keepAlive: true };
}

function guardedClient(connectTimeoutMs: number, onError: (error: Error) => void): typeof pg.Client {
  return class GuardedClient extends pg.Client {
    static readonly connectTimeoutMs = connectTimeoutMs;

    constructor(config?: pg.ClientConfig) {
      // pg-pool hands its own options (connectionTimeoutMillis = the wait for a free connection) to each client.
      super({ ...config, connectionTimeoutMillis: connectTimeoutMs || undefined });
      this.on('error', onError);
    }

    // pg's query_timeout fails the caller but leaves the statement pending on the connection;
    // the next user of this client would queue behind it. Drop the connection instead.
    override query(...args: unknown[]): any {
      const last = args.length - 1;
      if (typeof args[last] === 'function') {
        const callback = args[last] as (error: Error | undefined, result: unknown) => void;
        args[last] = (error: Error | undefined, result: unknown) => {
          if (error) this.dropIfTimedOut(error);
          callback(error, result);
        };
        return (super.query as (...a: unknown[]) => unknown)(...args);
      }
      const result = (super.query as (...a: unknown[]) => unknown)(...args);
      if (result instanceof Promise) result.catch((error: Error) => this.dropIfTimedOut(error));
      return result;
    }

    private dropIfTimedOut(error: Error): void {
      if (error?.message !== 'Query read timeout') return;
      (this as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
    }
  } as unknown as typeof pg.Client;
}

/**
 * Closes the socket of every connection of `pool`, busy or idle: their statements fail at
 * once ("Connection terminated") instead of each waiting out the statement bound. For when
 * the server is known not to answer (a frozen server keeps its sockets open and silent).
 * Uses pg-pool's client list (`_clients`, stable across pg-pool 3.x).
 */
export function dropPoolConnections(pool: pg.Pool): void {
  const clients = (pool as unknown as { _clients?: { connection?: { stream?: { destroy(): void } } }[] })._clients ?? [];
  for (const client of clients) client.connection?.stream?.destroy();
}
