import { readdirSync, readFileSync } from 'node:fs';

/** USER_HZ: /proc counts CPU time in 1/100 s on Linux. */
const MS_PER_TICK = 10;

interface ThreadSample {
  cpuMs: number;
  nice: number;
}

/** Each thread of this process now: CPU time used so far and its nice value (Linux /proc). */
export function threadsNow(): Map<number, ThreadSample> {
  const threads = new Map<number, ThreadSample>();
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // from the 3rd field (state) on
      threads.set(Number(tid), { cpuMs: (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK, nice: Number(fields[16]) });
    } catch {
      // the thread ended between the listing and the read
    }
  }
  return threads;
}

/** CPU time used since `before`, by nice value (`{ 0: …, 19: … }`), by the threads alive now. */
export function cpuByNiceSince(before: Map<number, ThreadSample>): Record<number, number> {
  const used: Record<number, number> = {};
  for (const [tid, now] of threadsNow()) {
    const delta = now.cpuMs - (before.get(tid)?.cpuMs ?? 0);
    used[now.nice] = (used[now.nice] ?? 0) + delta;
  }
  return used;
}
