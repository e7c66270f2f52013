import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU spent during a phase of a bench: this process's (process.cpuUsage), and the local
 * PostgreSQL server's for the bench's database, read from /proc (Linux, a server on this
 * machine; 0 elsewhere): its backends (their title names the database) and the server's own
 * processes (WAL writer, checkpointer, background writer), not other databases' backends.
 * Sampled every 250 ms so that a backend that exits during the phase still counts, up to its
 * last sample.
 */
export interface CpuMeter {
  stop(): { processSeconds: number; postgresSeconds: number };
}

export const TICKS_PER_SECOND = 100; // USER_HZ: /proc counts CPU time in 1/100 s on Linux

export function startCpuMeter(database: string): CpuMeter {
  const started = process.cpuUsage();
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  let initial = true;
  const sample = () => {
    for (const [pid, ticks] of postgresProcesses(database)) {
      if (!first.has(pid)) first.set(pid, initial ? ticks : 0);
      last.set(pid, ticks);
    }
    initial = false;
  };
  sample();
  const timer = setInterval(sample, 250);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      sample();
      const used = process.cpuUsage(started);
      let ticks = 0;
      for (const [pid, value] of last) ticks += value - first.get(pid)!;
      return { processSeconds: round((used.user + used.system) / 1e6), postgresSeconds: round(ticks / TICKS_PER_SECOND) };
    },
  };
}

/** A process's name and CPU time (user + system, in /proc's ticks) from /proc/<pid>/stat; throws without /proc. */
export function processStat(pid: number): { name: string; ticks: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // from the 3rd field (state) on
  return { name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), ticks: Number(fields[11]) + Number(fields[12]) }; // utime + stime
}

function postgresProcesses(database: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return out; // no /proc: not Linux
  }
  for (const entry of entries) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const { name, ticks } = processStat(pid);
      if (!name.startsWith('postgres')) continue;
      if (!isServerOrBackendOf(readFileSync(`/proc/${pid}/cmdline`, 'utf8'), database)) continue;
      out.push([pid, ticks]);
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/**
 * A backend's title is `postgres: 15/main: <user> <database> <client> <state>`; the server's
 * own processes' `postgres: 15/main: walwriter` (the cluster part only on Debian's builds).
 */
function isServerOrBackendOf(cmdline: string, database: string): boolean {
  const words = cmdline.replace(/\0/g, ' ').trim().split(/\s+/);
  if (words[0] !== 'postgres:') return true; // the postmaster
  const rest = /^\d+\/\w+:$/.test(words[1] ?? '') ? words.slice(2) : words.slice(1);
  const isBackend = /^(\d|\[local\]|[\w.:-]+\()/.test(rest[2] ?? '') || rest.some((w) => w.includes('('));
  if (isBackend) return rest[1] === database;
  return !rest.join(' ').startsWith('autovacuum worker'); // another database's vacuum
}

const round = (n: number) => Math.round(n * 10) / 10;
