import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Account } from '../accounts/account-store.js';
import type { IdentityDatabase } from '../projections/identity-database.js';

export interface Session {
  account: Account;
  csrfToken: string;
  tokenHash: string;
}

export interface SessionSettings {
  /** A session unused this long ends. */
  idleMinutes: number;
  /** A session ends this long after login whatever happens. */
  absoluteHours: number;
}

/** `last_seen_at` is rewritten at most this often per session (see resolve). */
const TOUCH_INTERVAL_SECONDS = 60;

interface SessionRow {
  csrf_token: string;
  id: string;
  email: string;
  password_hash: string;
  role: Account['role'];
  family_id: string | null;
  guardian_id: string | null;
  display_name: string;
  status: Account['status'];
}

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Server-side sessions: the browser holds a random token in an httpOnly cookie; the
 * database holds its hash, the account, a CSRF token, and the expiry (idle and absolute).
 */
export class SessionStore {
  constructor(
    private readonly db: Kysely<IdentityDatabase>,
    private readonly settings: SessionSettings,
  ) {}

  async open(accountId: string): Promise<{ token: string; csrfToken: string }> {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    await this.db
      .insertInto('sessions')
      .values({
        token_hash: digest(token),
        account_id: accountId,
        csrf_token: csrfToken,
        expires_at: sql`now() + make_interval(hours => ${this.settings.absoluteHours})`,
      })
      .execute();
    return { token, csrfToken };
  }

  /**
   * The live session for this token, or undefined (unknown, expired, idle too long, account
   * disabled). One statement, usually a plain read: `last_seen_at` is only written when it is
   * more than a minute old. Writing it on every request made each request a WAL flush and,
   * for one busy session (an agent booking for many families during an opening rush), a
   * queue on one row lock. The idle limit is therefore counted from a use at most a minute
   * older than the last one: a session may end up to a minute early, never late.
   */
  async resolve(token: string): Promise<Session | undefined> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
    const tokenHash = digest(token);
    const { rows } = await sql<SessionRow>`
      WITH live AS (
        SELECT s.csrf_token, a.id, a.email, a.password_hash, a.role, a.family_id, a.guardian_id, a.display_name, a.status
          FROM sessions s JOIN accounts a ON a.id = s.account_id
         WHERE s.token_hash = ${tokenHash}
           AND s.expires_at > now()
           AND s.last_seen_at > now() - make_interval(mins => ${this.settings.idleMinutes})
           AND a.status = 'active'
      ), touched AS (
        UPDATE sessions SET last_seen_at = now()
         WHERE token_hash = ${tokenHash} AND last_seen_at < now() - interval '${sql.raw(String(TOUCH_INTERVAL_SECONDS))} seconds'
           AND EXISTS (SELECT 1 FROM live)
      )
      SELECT * FROM live`.execute(this.db);
    const row = rows[0];
    if (!row) return undefined;
    return {
      tokenHash,
      csrfToken: row.csrf_token,
      account: {
        id: row.id,
        email: row.email,
        passwordHash: row.password_hash,
        role: row.role,
        familyId: row.family_id,
        guardianId: row.guardian_id,
        displayName: row.display_name,
        status: row.status,
      },
    };
  }

  async close(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
  }

  /** After a password change or reset: every other session of the account ends. */
  async closeAllFor(accountId: string, except?: string): Promise<void> {
    let query = this.db.deleteFrom('sessions').where('account_id', '=', accountId);
    if (except) query = query.where('token_hash', '<>', except);
    await query.execute();
  }
}
