import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export interface RunningWorker {
  pid: number;
  logs(): string;
  stop(): Promise<void>;
}

/** The built projection worker (`node dist/apps/worker/src/main.js`, as `npm run start:worker`). */
export function startWorker(databaseUrl: string, env: Record<string, string> = {}): RunningWorker {
  const output: string[] = [];
  const child = spawn(process.execPath, ['dist/apps/worker/src/main.js'], {
    cwd: repoRoot,
    env: { ...process.env, ...env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (output.length > 200) output.splice(0, output.length - 200);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  return {
    pid: child.pid!,
    logs: () => output.join('\n'),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
