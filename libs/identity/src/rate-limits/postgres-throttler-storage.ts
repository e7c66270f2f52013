import { sql, type Kysely } from 'kysely';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { IdentityDatabase } from '../projections/identity-database.js';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** Expired counters are swept after this many increments (per process). */
const SWEEP_EVERY = 500;

/**
 * @nestjs/throttler's counts in PostgreSQL (table `rate_limit_counters`), so that every API
 * process sees the same counts: one atomic upsert per hit. Keys are hashes (the guard's
 * `generateKey`), never an address or an e-mail in clear.
 *
 * Same rules as the library's in-memory store: a window of `ttl` opens at the first hit;
 * the hit past `limit` blocks the key for `blockDuration`; while blocked, hits are not
 * counted; the first hit after the block (or after the window) starts afresh.
 */
export class PostgresThrottlerStorage implements ThrottlerStorage {
  private increments = 0;

  constructor(private readonly db: Kysely<IdentityDatabase>) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, _throttlerName?: string): Promise<ThrottlerStorageRecord> {
    const ttlSeconds = ttl / 1000;
    const blockSeconds = (blockDuration > 0 ? blockDuration : ttl) / 1000;
    const { rows } = await sql<{ hits: number; expires_in: number; blocked_for: number | null }>`
      INSERT INTO rate_limit_counters AS c (key, hits, window_ends_at, blocked_until)
      VALUES (${key}, 1, now() + make_interval(secs => ${ttlSeconds}),
              CASE WHEN 1 > ${limit}::int THEN now() + make_interval(secs => ${blockSeconds}) END)
      ON CONFLICT (key) DO UPDATE SET
        hits = CASE
          WHEN c.blocked_until > now() THEN c.hits
          WHEN c.window_ends_at <= now() OR c.blocked_until <= now() THEN 1
          ELSE c.hits + 1 END,
        window_ends_at = CASE
          WHEN c.blocked_until > now() THEN c.window_ends_at
          WHEN c.window_ends_at <= now() OR c.blocked_until <= now() THEN now() + make_interval(secs => ${ttlSeconds})
          ELSE c.window_ends_at END,
        blocked_until = CASE
          WHEN c.blocked_until > now() THEN c.blocked_until
          WHEN c.window_ends_at <= now() OR c.blocked_until <= now() THEN
            CASE WHEN 1 > ${limit}::int THEN now() + make_interval(secs => ${blockSeconds}) END
          WHEN c.hits + 1 > ${limit}::int THEN now() + make_interval(secs => ${blockSeconds})
          ELSE NULL END
      RETURNING hits,
                extract(epoch FROM window_ends_at - now())::float8 AS expires_in,
                extract(epoch FROM blocked_until - now())::float8 AS blocked_for`.execute(this.db);
    const row = rows[0]!;
    if (++this.increments % SWEEP_EVERY === 0) await this.sweep();
    const blockedFor = row.blocked_for ?? 0;
    return {
      totalHits: row.hits,
      timeToExpire: Math.max(0, Math.ceil(row.expires_in)),
      isBlocked: blockedFor > 0,
      timeToBlockExpire: Math.max(0, Math.ceil(blockedFor)),
    };
  }

  /** Forgets counters whose window and block are over. */
  async sweep(): Promise<void> {
    await sql`DELETE FROM rate_limit_counters
               WHERE window_ends_at < now() AND (blocked_until IS NULL OR blocked_until < now())`.execute(this.db);
  }
}
