import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import { AppError, NotFoundError } from '#ardoise/kernel';
import type { AuditDatabase } from '../projections/audit-database.js';

export type AuditJobKind = 'rebuild' | 'verify-read-models' | 'verify-chain';

export interface AuditJob {
  id: string;
  kind: AuditJobKind;
  /** 'interrupted': marked running, but its process stopped reporting (crash, restart). */
  status: 'running' | 'succeeded' | 'failed' | 'interrupted';
  parameters: unknown;
  progress: unknown;
  result: unknown;
  error: string | null;
  startedBy: string;
  startedAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

interface JobRow {
  id: string;
  kind: AuditJobKind;
  status: 'running' | 'succeeded' | 'failed';
  parameters: unknown;
  progress: unknown;
  result: unknown;
  error: string | null;
  started_by: string;
  started_at: Date;
  updated_at: Date;
  finished_at: Date | null;
  stale: boolean;
}

const HEARTBEAT_MS = 5_000;
const STALE_AFTER = '30 seconds';
const PROGRESS_EVERY_MS = 500;

export type JobWork = (report: (progress: unknown) => void, signal: AbortSignal) => Promise<unknown>;

/**
 * Long audit work (rebuilds, verifications) started through the API: a row in audit_jobs
 * per job, its progress saved at most twice a second and a heartbeat every few seconds, so
 * that any API process can answer a poll and a job whose process died shows as interrupted.
 */
export class AuditJobs {
  private readonly running = new Map<string, { controller: AbortController; done: Promise<void> }>();

  constructor(
    private readonly db: Kysely<AuditDatabase>,
    private readonly logger: Pick<Logger, 'info' | 'error'>,
  ) {}

  async start(kind: AuditJobKind, parameters: unknown, startedBy: string, work: JobWork): Promise<AuditJob> {
    const id = randomUUID();
    await sql`INSERT INTO audit_jobs (id, kind, status, parameters, started_by)
      VALUES (${id}, ${kind}, 'running', ${JSON.stringify(parameters)}::jsonb, ${startedBy})`.execute(this.db);
    const controller = new AbortController();
    let latest: unknown;
    let dirty = false;
    let lastWrite = 0;
    const save = async () => {
      dirty = false;
      lastWrite = Date.now();
      await sql`UPDATE audit_jobs SET progress = ${JSON.stringify(latest ?? null)}::jsonb, updated_at = now() WHERE id = ${id} AND status = 'running'`.execute(
        this.db,
      );
    };
    const report = (progress: unknown) => {
      latest = progress;
      dirty = true;
      if (Date.now() - lastWrite >= PROGRESS_EVERY_MS) void save().catch(() => undefined);
    };
    const heartbeat = setInterval(() => void save().catch(() => undefined), HEARTBEAT_MS);
    heartbeat.unref();
    this.logger.info({ jobId: id, kind }, 'audit job started');
    const done = (async () => {
      try {
        const result = await work(report, controller.signal);
        if (dirty) await save();
        await sql`UPDATE audit_jobs SET status = 'succeeded', result = ${JSON.stringify(result ?? null)}::jsonb, updated_at = now(), finished_at = now() WHERE id = ${id}`.execute(
          this.db,
        );
        this.logger.info({ jobId: id, kind }, 'audit job succeeded');
      } catch (error) {
        const message =
          error instanceof AppError ? `${error.code} : ${error.title}` : error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        this.logger.error({ jobId: id, kind, err: message }, 'audit job failed');
        await sql`UPDATE audit_jobs SET status = 'failed', error = ${message}, updated_at = now(), finished_at = now() WHERE id = ${id}`
          .execute(this.db)
          .catch(() => undefined);
      } finally {
        clearInterval(heartbeat);
        this.running.delete(id);
      }
    })();
    this.running.set(id, { controller, done });
    return this.get(id);
  }

  async get(id: string): Promise<AuditJob> {
    const { rows } = await sql<JobRow>`SELECT *, (status = 'running' AND updated_at < now() - ${STALE_AFTER}::interval) AS stale
      FROM audit_jobs WHERE id = ${id}`.execute(this.db);
    if (!rows[0]) throw new NotFoundError('AUDIT.JOB_NOT_FOUND', 'Tâche introuvable.', `audit job ${id} not found`);
    return toJob(rows[0]);
  }

  async list(limit = 20): Promise<AuditJob[]> {
    const { rows } = await sql<JobRow>`SELECT *, (status = 'running' AND updated_at < now() - ${STALE_AFTER}::interval) AS stale
      FROM audit_jobs ORDER BY started_at DESC LIMIT ${limit}`.execute(this.db);
    return rows.map(toJob);
  }

  /** Waits for a job started by this process (tests, CLI); returns at once for others. */
  async settled(id: string): Promise<void> {
    await this.running.get(id)?.done;
  }

  /** On shutdown: abort the jobs of this process and wait for them to record their end. */
  async stop(): Promise<void> {
    for (const job of this.running.values()) job.controller.abort(new Error('arrêt du processus'));
    await Promise.all([...this.running.values()].map((job) => job.done));
  }
}

function toJob(row: JobRow): AuditJob {
  return {
    id: row.id,
    kind: row.kind,
    status: row.stale ? 'interrupted' : row.status,
    parameters: row.parameters,
    progress: row.progress,
    result: row.result,
    error: row.error,
    startedBy: row.started_by,
    startedAt: row.started_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    finishedAt: row.finished_at ? row.finished_at.toISOString() : null,
  };
}
