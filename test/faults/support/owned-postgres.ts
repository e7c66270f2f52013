import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createDatabase, freePort, startEmbeddedPostgres, type RunningPostgres } from '#ardoise/database';

/**
 * A PostgreSQL server that the test owns (embedded binaries from npm, so it runs on a
 * fresh machine without DATABASE_URL) and may therefore hurt: terminate the app's
 * sessions, freeze the whole server (SIGSTOP/SIGCONT), stop it and start it again on the
 * same port and data.
 */
export class OwnedPostgres {
  private server: RunningPostgres | undefined;

  private constructor(
    private readonly dataDir: string,
    readonly port: number,
  ) {}

  static async start(): Promise<OwnedPostgres> {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'ardoise-faults-pg-')), 'data');
    const owned = new OwnedPostgres(dataDir, await freePort());
    await owned.startServer();
    return owned;
  }

  get serverUrl(): string {
    return `postgres://postgres:postgres@127.0.0.1:${this.port}/postgres`;
  }

  /** A new database on this server; its URL. */
  createDatabase(name: string): Promise<string> {
    return createDatabase(this.serverUrl, name);
  }

  /** pg_terminate_backend on every session connected to `database` (the app's); how many. */
  async terminateBackends(database: string): Promise<number> {
    return this.withAdmin(async (sql) => {
      const { rows } = await sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM (
           SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE pid <> pg_backend_pid() AND datname = $1 AND backend_type = 'client backend') t`,
        [database],
      );
      return rows[0]!.n;
    });
  }

  /** SIGSTOP the postmaster and all its children for `ms`, then SIGCONT (a frozen server, e.g. a VM paused). */
  async freeze(ms: number): Promise<void> {
    const pids = this.serverPids();
    for (const pid of pids) signal(pid, 'SIGSTOP');
    try {
      await new Promise((resolve) => setTimeout(resolve, ms));
    } finally {
      for (const pid of this.serverPids(pids)) signal(pid, 'SIGCONT');
    }
  }

  /** A fast shutdown (SIGINT to the postmaster: sessions are cut), as `pg_ctl stop -m fast`. */
  async stop(): Promise<void> {
    await this.server?.stop();
    this.server = undefined;
  }

  async restart(downMs = 0): Promise<void> {
    await this.stop();
    if (downMs > 0) await new Promise((resolve) => setTimeout(resolve, downMs));
    await this.startServer();
  }

  /** Stops the server and deletes its data. */
  async destroy(): Promise<void> {
    await this.stop().catch(() => undefined);
    rmSync(join(this.dataDir, '..'), { recursive: true, force: true });
  }

  private async startServer(): Promise<void> {
    this.server = await startEmbeddedPostgres({
      dataDir: this.dataDir,
      port: this.port,
      persistent: true,
      settings: { max_connections: '200', fsync: 'on' },
    });
  }

  private async withAdmin<T>(work: (sql: pg.Client) => Promise<T>): Promise<T> {
    const sql = new pg.Client({ connectionString: this.serverUrl, application_name: 'faults-test' });
    sql.on('error', () => undefined);
    await sql.connect();
    try {
      return await work(sql);
    } finally {
      await sql.end().catch(() => undefined);
    }
  }

  /** The postmaster (first line of postmaster.pid) and every process whose parent it is. */
  private serverPids(known: number[] = []): number[] {
    const postmaster = Number(readFileSync(join(this.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const children = readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .filter((pid) => {
        try {
          // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces, so read after the last ')'.
          const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
          return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster;
        } catch {
          return false;
        }
      })
      .map(Number);
    return [...new Set([postmaster, ...children, ...known])];
  }
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // the process has ended meanwhile
  }
}
