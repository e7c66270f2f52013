import type pg from 'pg';

/**
 * NOTIFY's payload must stay below 8,000 bytes (PostgreSQL's default build); past that, the
 * notification says nothing about types and wakes every subscriber.
 */
export const MAX_NOTIFY_PAYLOAD_BYTES = 7_999;

/**
 * The payload that names `types` (one per line), or '' (wake everyone) when they do not fit
 * or a type could be misread (a line break in it).
 */
export function notifyPayload(types: Iterable<string>): string {
  const list = [...new Set(types)];
  if (list.some((type) => type === '' || type.includes('\n'))) return '';
  const payload = list.join('\n');
  return Buffer.byteLength(payload, 'utf8') > MAX_NOTIFY_PAYLOAD_BYTES ? '' : payload;
}

/**
 * Wakes subscribers (listener.ts) after appends, with NOTIFY coalesced per adapter.
 *
 * Why not `pg_notify` inside the append statement: PostgreSQL serialises the commits of all
 * transactions that sent a NOTIFY (a global lock held through the commit and its WAL flush),
 * which defeats group commit. Measured with bench/append.bench.ts at 32 concurrent writers:
 * 2.1x the time of a raw insert with NOTIFY in the statement, 1.05x without. So the append
 * commits without it and pokes this notifier, which keeps at most one `SELECT pg_notify()` in
 * flight and sends one more after it if appends happened meanwhile: one notify per append at
 * low load, one per batch of appends at high load, always sent after the appends committed.
 * A lost notify only costs latency: subscribers also poll.
 *
 * The payload names the event types appended since the last notify (notifyPayload), so the
 * listener wakes only the subscriptions that read one of them: a projection that reads
 * invoices is not sent after the cut and the log by every attendance mark.
 */
export class CoalescingNotifier {
  private inFlight: Promise<void> | undefined;
  private pending = new Set<string>();

  constructor(
    private readonly pool: pg.Pool,
    private readonly channel: string,
  ) {}

  /** After an append committed: `types`, the types of the events it appended. */
  poke(types: Iterable<string>): void {
    for (const type of types) this.pending.add(type);
    if (this.pending.size > 0) this.inFlight ??= this.send();
  }

  private async send(): Promise<void> {
    while (this.pending.size > 0) {
      const payload = notifyPayload(this.pending);
      this.pending = new Set();
      try {
        await this.pool.query({ name: 'es_notify', text: 'SELECT pg_notify($1, $2)', values: [this.channel, payload] });
      } catch {
        // Pool closing or server gone: pollers still see the events.
      }
    }
    this.inFlight = undefined;
  }

  /** Waits for the notify in flight, if any (before the pool is ended). */
  async flush(): Promise<void> {
    await this.inFlight;
  }
}
