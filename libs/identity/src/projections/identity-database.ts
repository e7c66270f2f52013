import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Role } from '#ardoise/commands';

/**
 * Identity's tables as its stores and queries see them (identity.migrations.ts). They are not
 * projections of the log: credentials and sessions are secrets kept beside it, their facts are
 * events. One interface, so that a query naming a missing column does not compile.
 */
export interface IdentityDatabase {
  accounts: AccountsTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  one_time_tokens: OneTimeTokensTable;
  rate_limit_counters: RateLimitCountersTable;
}

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface AccountsTable {
  id: string;
  email: string;
  password_hash: string;
  role: Exclude<Role, 'anonymous' | 'system'>;
  family_id: string | null;
  guardian_id: string | null;
  display_name: string;
  status: Generated<'active' | 'disabled'>;
  created_at: Generated<Date>;
  password_changed_at: Timestamp;
}

export interface SessionsTable {
  token_hash: string;
  account_id: string;
  csrf_token: string;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: ColumnType<Date, Date | string, Date | string>;
}

export interface LoginAttemptsTable {
  id: Generated<string>;
  email_hash: string;
  ip_hash: string;
  succeeded: boolean;
  at: Generated<Date>;
}

export interface OneTimeTokensTable {
  token_hash: string;
  purpose: string;
  subject: string;
  /** Written as JSON text, read back as an object. */
  payload: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: Generated<Date>;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  used_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  revoked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface RateLimitCountersTable {
  key: string;
  hits: number;
  window_ends_at: ColumnType<Date, Date | string, Date | string>;
  blocked_until: ColumnType<Date | null, Date | string | null, Date | string | null>;
}

/**
 * A connection, or a transaction the caller opened, whatever context typed it: a family's
 * registration writes its login and stages its events in one transaction (decision 0012).
 * Kysely's types do not let a transaction typed for other tables stand for identity's, so the
 * stores take it loose here and query it through `identityTables`, typed again.
 */
export type CallerConnection = Kysely<any>;

export const identityTables = (db: CallerConnection): Kysely<IdentityDatabase> => db as Kysely<IdentityDatabase>;
