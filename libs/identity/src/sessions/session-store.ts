import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Account } from '../accounts/account-store.js';

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

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Server-side sessions: the browser holds a random token in an httpOnly cookie; the
 * database holds its hash, the account, a CSRF token, and the expiry (idle and absolute).
 */
export class SessionStore {
  constructor(
    private readonly db: Kysely<any>,
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

  /** The live session for this token, or undefined (unknown, expired, idle too long, account disabled). */
  async resolve(token: string): Promise<Session | undefined> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
    const tokenHash = digest(token);
    const row = await this.db
      .updateTable('sessions')
      .set({ last_seen_at: sql`now()` })
      .from('accounts')
      .whereRef('accounts.id', '=', 'sessions.account_id')
      .where('sessions.token_hash', '=', tokenHash)
      .where('sessions.expires_at', '>', sql<Date>`now()`)
      .where('sessions.last_seen_at', '>', sql<Date>`now() - make_interval(mins => ${this.settings.idleMinutes})`)
      .where('accounts.status', '=', 'active')
      .returning([
        'sessions.csrf_token',
        'accounts.id',
        'accounts.email',
        'accounts.password_hash',
        'accounts.role',
        'accounts.family_id',
        'accounts.guardian_id',
        'accounts.display_name',
        'accounts.status',
      ])
      .executeTakeFirst();
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
