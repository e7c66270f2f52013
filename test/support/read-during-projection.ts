import type pg from 'pg';

const POLL_MS = 25;
const BOUND_MS = 60_000;

/**
 * Runs `read` while a projection's transaction is open, and commits that transaction at the
 * worst moment for a torn read: once the read waits on `lockedTable` (which `writes` lock, e.g.
 * `LOCK TABLE … IN ACCESS EXCLUSIVE MODE`) and none of its other statements is still running.
 * The statements the read made before saw the read models without the projection's writes; those
 * it makes after the commit see them, unless the read holds one snapshot (inOneSnapshot).
 * `laterWrites` are the projection's statements made once the read waits, before its commit (a
 * read that locks rows the projection reaches later shows a deadlock there).
 * Deterministic: it waits on what PostgreSQL says of the sessions, not on a delay.
 */
export async function readDuringProjection<T>(
  pool: pg.Pool,
  writes: readonly string[],
  lockedTable: string,
  read: () => Promise<T>,
  laterWrites: readonly string[] = [],
): Promise<T> {
  const projection = await pool.connect();
  const observer = await pool.connect();
  try {
    const projectionPid = (await projection.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    await projection.query('BEGIN');
    for (const statement of writes) await projection.query(statement);
    let settled = false;
    const reading = read().finally(() => (settled = true));
    reading.catch(() => undefined); // awaited below, after the commit
    const deadline = Date.now() + BOUND_MS;
    for (;;) {
      const { rows } = await observer.query<{ waiting: number; running: number }>(
        `SELECT count(*) FILTER (WHERE wait_event_type = 'Lock' AND query ILIKE $1)::int AS waiting,
                count(*) FILTER (WHERE wait_event_type IS DISTINCT FROM 'Lock')::int AS running
           FROM pg_stat_activity
          WHERE datname = current_database() AND state = 'active' AND pid NOT IN (pg_backend_pid(), $2)`,
        [`%${lockedTable}%`, projectionPid],
      );
      if ((rows[0]!.waiting > 0 && rows[0]!.running === 0) || settled) break;
      if (Date.now() > deadline) throw new Error(`the read never waited on ${lockedTable}`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    for (const statement of laterWrites) await projection.query(statement);
    await projection.query('COMMIT');
    return await reading;
  } finally {
    await projection.query('ROLLBACK').catch(() => undefined); // after a failed write (a no-op once committed)
    projection.release();
    observer.release();
  }
}
