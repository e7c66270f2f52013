import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { AppError } from '#ardoise/kernel';

export class TooManyAttemptsError extends AppError {
  readonly status = 429;
  constructor() {
    super('AUTH.TOO_MANY_ATTEMPTS', 'Trop de tentatives de connexion. Patientez 15 minutes avant de réessayer.');
  }
}

export interface ThrottleSettings {
  windowMinutes: number;
  maxFailuresPerAccount: number;
  maxFailuresPerIp: number;
}

export const DEFAULT_THROTTLE: ThrottleSettings = { windowMinutes: 15, maxFailuresPerAccount: 5, maxFailuresPerIp: 30 };

/**
 * Limits failed logins per e-mail and per IP address over a sliding window. Both are
 * stored hashed (they are personal data) and kept one day.
 */
export class LoginThrottle {
  constructor(
    private readonly db: Kysely<any>,
    private readonly settings: ThrottleSettings = DEFAULT_THROTTLE,
  ) {}

  async assertAllowed(email: string, ip: string): Promise<void> {
    const { rows } = await sql<{ by_email: number; by_ip: number }>`
      SELECT count(*) FILTER (WHERE email_hash = ${hash(email)})::int AS by_email,
             count(*) FILTER (WHERE ip_hash = ${hash(ip)})::int AS by_ip
      FROM login_attempts
      WHERE NOT succeeded AND at > now() - make_interval(mins => ${this.settings.windowMinutes})
        AND (email_hash = ${hash(email)} OR ip_hash = ${hash(ip)})`.execute(this.db);
    const { by_email, by_ip } = rows[0]!;
    if (by_email >= this.settings.maxFailuresPerAccount || by_ip >= this.settings.maxFailuresPerIp) {
      throw new TooManyAttemptsError();
    }
  }

  async record(email: string, ip: string, succeeded: boolean): Promise<void> {
    await this.db.insertInto('login_attempts').values({ email_hash: hash(email), ip_hash: hash(ip), succeeded }).execute();
    if (succeeded) {
      // A successful login clears the account's failures; old rows go after a day.
      await sql`DELETE FROM login_attempts WHERE (email_hash = ${hash(email)} AND NOT succeeded) OR at < now() - interval '1 day'`.execute(
        this.db,
      );
    }
  }
}

const hash = (value: string) => createHash('sha256').update(`ardoise-login:${value.trim().toLowerCase()}`).digest('hex');
