import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { backoffDelay, frenchDelay, TooManyRequestsError } from '#ardoise/kernel';
import type { IdentityDatabase } from '../projections/identity-database.js';

export class TooManyAttemptsError extends TooManyRequestsError {
  constructor(retryAfterSeconds: number) {
    super(
      'AUTH.TOO_MANY_ATTEMPTS',
      `Trop de tentatives de connexion depuis cet appareil. Réessayez dans ${frenchDelay(retryAfterSeconds)}.`,
      retryAfterSeconds,
    );
  }
}

export interface ThrottleSettings {
  /** Failures of one account from one client address that cost nothing. */
  freeFailuresPerClient: number;
  /** Wait after the first failure past the free ones; doubled at each further failure… */
  firstDelaySeconds: number;
  /** …up to this. */
  maxDelaySeconds: number;
  /** Failures of one client address over all accounts (credential stuffing) in `ipWindowMinutes`. */
  maxFailuresPerIp: number;
  ipWindowMinutes: number;
}

export const DEFAULT_THROTTLE: ThrottleSettings = {
  freeFailuresPerClient: 4,
  firstDelaySeconds: 30,
  maxDelaySeconds: 15 * 60,
  maxFailuresPerIp: 100,
  ipWindowMinutes: 15,
};

/**
 * Slows down password guessing without letting anyone lock a parent out: failures are
 * counted per (account, client address). Past a few free failures, that client waits
 * 30 s, then 1, 2, 4… minutes (at most 15) before its next try on that account; the same
 * account from any other address is not affected, so the right password from a client that
 * has not failed always gets through. One address failing on very many accounts is slowed
 * down on every account. E-mails and addresses are stored hashed and kept one day.
 */
export class LoginThrottle {
  constructor(
    private readonly db: Kysely<IdentityDatabase>,
    private readonly settings: ThrottleSettings = DEFAULT_THROTTLE,
  ) {}

  async assertAllowed(email: string, ip: string): Promise<void> {
    const { rows } = await sql<{ by_client: number; last_by_client: Date | null; by_ip: number; first_by_ip: Date | null; now: Date }>`
      SELECT count(*) FILTER (WHERE email_hash = ${hash(email)})::int AS by_client,
             max(at) FILTER (WHERE email_hash = ${hash(email)}) AS last_by_client,
             count(*) FILTER (WHERE at > now() - make_interval(mins => ${this.settings.ipWindowMinutes}))::int AS by_ip,
             min(at) FILTER (WHERE at > now() - make_interval(mins => ${this.settings.ipWindowMinutes})) AS first_by_ip,
             now() AS now
        FROM login_attempts
       WHERE ip_hash = ${hash(ip)} AND NOT succeeded AND at > now() - interval '1 day'`.execute(this.db);
    const { by_client, last_by_client, by_ip, first_by_ip, now } = rows[0]!;
    const nowMs = new Date(now).getTime();
    let wait = 0;
    const delay = this.delayAfter(by_client);
    if (delay > 0 && last_by_client) wait = new Date(last_by_client).getTime() + delay * 1000 - nowMs;
    if (by_ip >= this.settings.maxFailuresPerIp && first_by_ip) {
      wait = Math.max(wait, new Date(first_by_ip).getTime() + this.settings.ipWindowMinutes * 60_000 - nowMs);
    }
    if (wait > 0) throw new TooManyAttemptsError(Math.ceil(wait / 1000));
  }

  /** Seconds this client waits after `failures` failures on one account. */
  delayAfter(failures: number): number {
    const past = failures - this.settings.freeFailuresPerClient;
    if (past <= 0) return 0;
    // The kernel's backoff, exact, in seconds: first delay doubled after each failure, capped.
    return backoffDelay(past, { initialMs: this.settings.firstDelaySeconds, maxMs: this.settings.maxDelaySeconds, jitter: 0 });
  }

  async record(email: string, ip: string, succeeded: boolean): Promise<void> {
    if (!succeeded) {
      await this.db
        .insertInto('login_attempts')
        .values({ email_hash: hash(email), ip_hash: hash(ip), succeeded })
        .execute();
      return;
    }
    // A successful login clears this client's failures on the account; old rows go after a day.
    await sql`DELETE FROM login_attempts
               WHERE (email_hash = ${hash(email)} AND ip_hash = ${hash(ip)}) OR at < now() - interval '1 day'`.execute(this.db);
  }
}

const hash = (value: string) => createHash('sha256').update(`ardoise-login:${value.trim().toLowerCase()}`).digest('hex');
