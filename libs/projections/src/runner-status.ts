import { sql, type Kysely } from 'kysely';
import type { AdvisorySession } from './advisory-session.js';

export interface RunnerStatus {
  projection: string;
  runnerId: string;
  leaderSince: Date;
  heartbeatAt: Date;
  lastError: string | null;
  lastErrorAt: Date | null;
  /** The event the projection stalls on (ids only), when the error is a handler's. */
  lastErrorEvent: FailedEvent | null;
}

/** Names an event without its data (no personal data): safe for health and logs. */
export interface FailedEvent {
  id: string;
  type: string;
  streamId: string;
  /** Encoded store position. */
  position: string;
}

/** projection_runners: who leads each projection, its heartbeat and its last error. */
export const runnerStatus = {
  /** Written through the leader's lock session: a failure there also means the lock is gone. */
  async becameLeader(session: AdvisorySession, projection: string, runnerId: string): Promise<void> {
    await session.query(
      `INSERT INTO projection_runners (projection, runner_id, leader_since, heartbeat_at)
       VALUES ($1, $2, now(), now())
       ON CONFLICT (projection) DO UPDATE
       SET runner_id = excluded.runner_id, leader_since = now(), heartbeat_at = now(), last_error = NULL, last_error_at = NULL, last_error_event = NULL`,
      [projection, runnerId],
    );
  },

  async heartbeat(session: AdvisorySession, projection: string, runnerId: string): Promise<void> {
    await session.query('UPDATE projection_runners SET heartbeat_at = now() WHERE projection = $1 AND runner_id = $2', [projection, runnerId]);
  },

  async recordError(db: Kysely<any>, projection: string, runnerId: string, message: string, event: FailedEvent | null = null): Promise<void> {
    await sql`UPDATE projection_runners SET last_error = ${message.slice(0, 2000)}, last_error_at = now(), last_error_event = ${event ? JSON.stringify(event) : null}::jsonb
              WHERE projection = ${projection} AND runner_id = ${runnerId}`.execute(db);
  },

  async clearError(db: Kysely<any>, projection: string, runnerId: string): Promise<void> {
    await sql`UPDATE projection_runners SET last_error = NULL, last_error_at = NULL, last_error_event = NULL
              WHERE projection = ${projection} AND runner_id = ${runnerId}`.execute(db);
  },

  async read(db: Kysely<any>, projection: string): Promise<RunnerStatus | undefined> {
    const { rows } = await sql<{
      projection: string;
      runner_id: string;
      leader_since: Date;
      heartbeat_at: Date;
      last_error: string | null;
      last_error_at: Date | null;
      last_error_event: FailedEvent | null;
    }>`SELECT * FROM projection_runners WHERE projection = ${projection}`.execute(db);
    const r = rows[0];
    return r
      ? {
          projection: r.projection,
          runnerId: r.runner_id,
          leaderSince: r.leader_since,
          heartbeatAt: r.heartbeat_at,
          lastError: r.last_error,
          lastErrorAt: r.last_error_at,
          lastErrorEvent: r.last_error_event,
        }
      : undefined;
  },
};
