import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '#ardoise/database';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export interface RunningApi {
  /** e.g. http://127.0.0.1:41234 — the portal at `/`, the API under `/api/v1`. */
  url: string;
  /** The process id (a fault test checks the process survived, not that another one took its place). */
  pid: number;
  /** Whether the process has exited, and how. */
  exit(): { code: number | null; signal: string | null } | undefined;
  /** What the process printed so far (last 200 lines), for failure messages. */
  logs(): string;
  /** SIGTERM, then SIGKILL after a grace period; resolves once the process is gone. */
  stop(): Promise<void>;
  /** kill -9, as a power cut would: no shutdown hook runs. */
  crash(): Promise<void>;
}

export interface StartApiOptions {
  databaseUrl: string;
  /** Extra environment for the process (PORT and DATABASE_URL are set here). */
  env?: Record<string, string>;
  /** false: PUBLIC_URL left unset, as in the README's default setup (`./dev start`). */
  publicUrl?: false;
  /** The built entry point, relative to the repository root. */
  entry?: string;
  readyTimeoutMs?: number;
}

/**
 * Starts the built API (`node dist/apps/api/src/main.js`, as in production) on a free
 * port against the given database, and resolves once `/api/v1/health` answers.
 * Run `npm run build` first (`npm run test:e2e` does).
 */
export async function startApi(options: StartApiOptions): Promise<RunningApi> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const child = spawn(process.execPath, [options.entry ?? 'dist/apps/api/src/main.js'], {
    cwd: repoRoot,
    // PUBLIC_URL: links in e-mails and PayFIP's return address lead back to this very origin (cookies included).
    env: withoutUnset({
      ...process.env,
      PUBLIC_URL: options.publicUrl === false ? undefined : url,
      ...options.env,
      PORT: String(port),
      DATABASE_URL: options.databaseUrl,
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (output.length > 200) output.splice(0, output.length - 200);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const logs = () => output.join('\n');

  try {
    await waitUntilAnswering(`${url}/api/v1/health`, child, options.readyTimeoutMs ?? 30_000);
  } catch (error) {
    await stopProcess(child);
    throw new Error(`${(error as Error).message}\n--- API output ---\n${logs()}`, { cause: error });
  }
  const crash = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await exited;
  };
  const exit = () => (child.exitCode !== null || child.signalCode !== null ? { code: child.exitCode, signal: child.signalCode } : undefined);
  return { url, pid: child.pid!, exit, logs, stop: () => stopProcess(child), crash };
}

function withoutUnset(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

async function waitUntilAnswering(healthUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The API exited (${child.exitCode ?? child.signalCode}) before answering ${healthUrl}`);
    }
    try {
      // Any HTTP answer means the server is up; a 503 (degraded) is for the test to judge.
      await fetch(healthUrl, { signal: AbortSignal.timeout(2_000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`The API did not answer ${healthUrl} within ${timeoutMs} ms`);
}

async function stopProcess(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** A port the OS says is free now (there is a small race; fine for tests). */
