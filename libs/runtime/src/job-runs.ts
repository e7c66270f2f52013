import { sql, type Kysely } from 'kysely';
import type { Migrations } from '#ardoise/database';

/**
 * The scheduled jobs' last run, for the admins' health page: one row per job, written by
 * whichever process ran it (jobs run in the worker processes; the page is served by any).
 * No personal data: the detail is a short summary or an error message.
 */
export const jobRunsMigrations: Migrations = {
  'runtime/0001-job-runs': {
    async up(db) {
      await sql`
        CREATE TABLE job_runs (
          name         text PRIMARY KEY,
          last_run_at  timestamptz NOT NULL,
          last_outcome text NOT NULL CHECK (last_outcome IN ('ok', 'failed')),
          last_detail  text,
          next_run_at  timestamptz
        )`.execute(db);
    },
    async down(db) {
      await sql`DROP TABLE job_runs`.execute(db);
    },
  },
};

export interface JobRun {
  name: string;
  lastRunAt: Date;
  lastOutcome: 'ok' | 'failed';
  lastDetail: string | null;
  nextRunAt: Date | null;
}

/** Records a job's run; never throws (a job's bookkeeping must not make the job fail). */
export async function recordJobRun(db: Kysely<any>, name: string, outcome: 'ok' | 'failed', nextRunAt: Date | null, detail?: string): Promise<void> {
  try {
    await sql`
      INSERT INTO job_runs (name, last_run_at, last_outcome, last_detail, next_run_at)
      VALUES (${name}, now(), ${outcome}, ${detail?.slice(0, 300) ?? null}, ${nextRunAt})
      ON CONFLICT (name) DO UPDATE SET last_run_at = now(), last_outcome = excluded.last_outcome,
        last_detail = excluded.last_detail, next_run_at = excluded.next_run_at`.execute(db);
  } catch {
    // The database may be down: the job's own error handling says so.
  }
}

export async function readJobRuns(db: Kysely<any>): Promise<Map<string, JobRun>> {
  const { rows } = await sql<{ name: string; last_run_at: Date; last_outcome: 'ok' | 'failed'; last_detail: string | null; next_run_at: Date | null }>`
    SELECT name, last_run_at, last_outcome, last_detail, next_run_at FROM job_runs`.execute(db);
  return new Map(
    rows.map((r) => [r.name, { name: r.name, lastRunAt: r.last_run_at, lastOutcome: r.last_outcome, lastDetail: r.last_detail, nextRunAt: r.next_run_at }]),
  );
}
