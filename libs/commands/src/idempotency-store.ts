import { sql, type Kysely } from 'kysely';
import type { Migrations } from '#ardoise/database';

export const idempotencyMigrations: Migrations = {
  'commands/0001-idempotency-keys': {
    async up(db: Kysely<any>) {
      await sql`
        CREATE TABLE idempotency_keys (
          actor_id        text        NOT NULL,
          key             text        NOT NULL,
          fingerprint     text        NOT NULL,
          status          text        NOT NULL CHECK (status IN ('pending', 'done')),
          response_status integer,
          response_body   jsonb,
          created_at      timestamptz NOT NULL DEFAULT now(),
          completed_at    timestamptz,
          PRIMARY KEY (actor_id, key)
        )`.execute(db);
    },
  },
};

export type IdempotencyClaim = { kind: 'claimed' } | { kind: 'replay'; status: number; body: unknown } | { kind: 'in_progress' } | { kind: 'key_reused' };

/** A pending claim older than this is taken to be from a crashed request and may be retaken. */
const ABANDONED_AFTER_SECONDS = 60;

/**
 * Remembers, per actor and `Idempotency-Key`, the first response to a command so that a
 * retried request gets it again instead of acting twice. The aggregate repository also
 * refuses to apply a key twice to a stream, which covers a crash between the append and
 * `complete()`.
 */
export class IdempotencyStore {
  constructor(private readonly db: Kysely<any>) {}

  async claim(actorId: string, key: string, fingerprint: string): Promise<IdempotencyClaim> {
    const inserted = await sql<{ key: string }>`
      INSERT INTO idempotency_keys (actor_id, key, fingerprint, status)
      VALUES (${actorId}, ${key}, ${fingerprint}, 'pending')
      ON CONFLICT (actor_id, key) DO UPDATE SET created_at = now()
        WHERE idempotency_keys.status = 'pending'
          AND idempotency_keys.fingerprint = EXCLUDED.fingerprint
          AND idempotency_keys.created_at < now() - make_interval(secs => ${ABANDONED_AFTER_SECONDS})
      RETURNING key`.execute(this.db);
    if (inserted.rows.length > 0) return { kind: 'claimed' };
    const existing = await this.db
      .selectFrom('idempotency_keys')
      .select(['fingerprint', 'status', 'response_status', 'response_body'])
      .where('actor_id', '=', actorId)
      .where('key', '=', key)
      .executeTakeFirst();
    if (!existing) return this.claim(actorId, key, fingerprint); // released meanwhile
    if (existing.fingerprint !== fingerprint) return { kind: 'key_reused' };
    if (existing.status === 'pending') return { kind: 'in_progress' };
    return { kind: 'replay', status: existing.response_status, body: existing.response_body };
  }

  async complete(actorId: string, key: string, status: number, body: unknown): Promise<void> {
    await this.db
      .updateTable('idempotency_keys')
      .set({ status: 'done', response_status: status, response_body: JSON.stringify(body ?? null), completed_at: sql`now()` })
      .where('actor_id', '=', actorId)
      .where('key', '=', key)
      .execute();
  }

  /** RGPD erasure: the answers stored for these actors go (an answer may repeat what they wrote). */
  async forgetActors(actorIds: readonly string[]): Promise<void> {
    if (actorIds.length === 0) return;
    await this.db.deleteFrom('idempotency_keys').where('actor_id', 'in', actorIds).execute();
  }

  /** The command failed: nothing was acknowledged, so the same key may be tried again. */
  async release(actorId: string, key: string): Promise<void> {
    await this.db.deleteFrom('idempotency_keys').where('actor_id', '=', actorId).where('key', '=', key).where('status', '=', 'pending').execute();
  }
}
