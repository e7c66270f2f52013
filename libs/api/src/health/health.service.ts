import { Inject, Injectable, Optional } from '@nestjs/common';
import { sql } from 'kysely';
import type { HealthReport, HealthStatus, ProjectionHealth } from '#ardoise/contracts';
import { INFRASTRUCTURE, PROJECTION_HEALTH, type Infrastructure } from '#ardoise/runtime';

export type ProjectionHealthSource = () => Promise<ProjectionHealth[]>;

const VERSION = process.env.npm_package_version ?? '0.1.0';
/** The database and event-store checks answer within this (they run side by side). */
const CHECK_TIMEOUT_MS = 2_000;
/**
 * The projections' lag reads the log up to its settled cut, which may wait up to 2 s for
 * transactions in flight: a longer bound. Skipped at once while the database is known down.
 */
const PROJECTIONS_TIMEOUT_MS = 5_000;

@Injectable()
export class HealthService {
  constructor(
    @Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure,
    @Optional() @Inject(PROJECTION_HEALTH) private readonly projections?: ProjectionHealthSource,
  ) {}

  async report(): Promise<HealthReport> {
    const { availability } = this.infrastructure;
    const [database, eventStore, projections] = await Promise.all([
      this.check(async () => {
        // Known down (the probe or a failed request said so): say it now, without queueing for a connection.
        if (!availability.available) throw new Error(`unavailable: ${availability.reason ?? 'no answer'}`);
        await sql`SELECT 1`.execute(this.infrastructure.db);
      }),
      // A point read: proves the store answers without waiting on the global log's cut.
      this.check(async () => {
        if (this.infrastructure.adapter === 'postgresql' && !availability.available) throw new Error('unavailable: PostgreSQL does not answer');
        await this.infrastructure.store.streamRevision('health-probe');
      }),
      this.projections && availability.available
        ? withTimeout(this.projections(), PROJECTIONS_TIMEOUT_MS).catch(() => [] as ProjectionHealth[])
        : Promise.resolve([] as ProjectionHealth[]),
    ]);
    const statuses: HealthStatus[] = [database.status, eventStore.status, ...projections.map((p) => p.status)];
    const status: HealthStatus = database.status === 'down' || eventStore.status === 'down' ? 'down' : statuses.every((s) => s === 'ok') ? 'ok' : 'degraded';
    return {
      status,
      version: VERSION,
      time: new Date().toISOString(),
      checks: { database, eventStore: { ...eventStore, adapter: this.infrastructure.adapter } },
      projections,
    };
  }

  private async check(probe: () => Promise<void>): Promise<{ status: HealthStatus; detail?: string }> {
    try {
      await withTimeout(probe(), CHECK_TIMEOUT_MS);
      return { status: 'ok' };
    } catch (error) {
      return { status: 'down', detail: error instanceof Error ? error.message : String(error) };
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
