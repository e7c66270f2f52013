import { sql } from 'kysely';
import type { Migrations } from '#ardoise/database';

/**
 * Credentials and sessions live outside the event log: they are secrets, not facts.
 * The facts about them (account created, password changed, e-mail changed) are events.
 */
export const identityMigrations: Migrations = {
  'identity/0001-accounts-sessions-tokens': {
    async up(db) {
      await sql`
        CREATE TABLE accounts (
          id                  uuid PRIMARY KEY,
          email               text NOT NULL,
          password_hash       text NOT NULL,
          role                text NOT NULL CHECK (role IN ('parent', 'agent', 'finance', 'auditor', 'admin')),
          family_id           uuid,
          guardian_id         uuid,
          display_name        text NOT NULL,
          status              text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
          created_at          timestamptz NOT NULL DEFAULT now(),
          password_changed_at timestamptz NOT NULL DEFAULT now(),
          CHECK ((role = 'parent') = (family_id IS NOT NULL))
        )`.execute(db);
      await sql`CREATE UNIQUE INDEX accounts_email_key ON accounts (lower(email))`.execute(db);
      await sql`CREATE INDEX accounts_family_idx ON accounts (family_id)`.execute(db);
      await sql`
        CREATE TABLE sessions (
          token_hash    text PRIMARY KEY,
          account_id    uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
          csrf_token    text NOT NULL,
          created_at    timestamptz NOT NULL DEFAULT now(),
          last_seen_at  timestamptz NOT NULL DEFAULT now(),
          expires_at    timestamptz NOT NULL
        )`.execute(db);
      await sql`CREATE INDEX sessions_account_idx ON sessions (account_id)`.execute(db);
      await sql`
        CREATE TABLE login_attempts (
          id          bigserial PRIMARY KEY,
          email_hash  text NOT NULL,
          ip_hash     text NOT NULL,
          succeeded   boolean NOT NULL,
          at          timestamptz NOT NULL DEFAULT now()
        )`.execute(db);
      await sql`CREATE INDEX login_attempts_email_idx ON login_attempts (email_hash, at)`.execute(db);
      await sql`CREATE INDEX login_attempts_ip_idx ON login_attempts (ip_hash, at)`.execute(db);
      await sql`
        CREATE TABLE one_time_tokens (
          token_hash  text PRIMARY KEY,
          purpose     text NOT NULL,
          subject     text NOT NULL,
          payload     jsonb NOT NULL DEFAULT '{}',
          created_at  timestamptz NOT NULL DEFAULT now(),
          expires_at  timestamptz NOT NULL,
          used_at     timestamptz,
          revoked_at  timestamptz
        )`.execute(db);
      await sql`CREATE INDEX one_time_tokens_subject_idx ON one_time_tokens (purpose, subject)`.execute(db);
    },
  },
  /** Rate-limit counters shared by every API process (PostgresThrottlerStorage). */
  'identity/0002-rate-limit-counters': {
    async up(db) {
      await sql`
        CREATE TABLE rate_limit_counters (
          key             text PRIMARY KEY,
          hits            integer NOT NULL,
          window_ends_at  timestamptz NOT NULL,
          blocked_until   timestamptz
        )`.execute(db);
    },
  },
};
