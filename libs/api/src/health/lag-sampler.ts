import { Inject, Injectable, Optional, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { LagSample, ProjectionHealth } from '#ardoise/contracts';
import { DATABASE } from '#ardoise/database';
import { LOGGER, PROJECTION_HEALTH } from '#ardoise/runtime';

export const LAG_SAMPLE_SECONDS = 30;
const KEEP = "interval '1 hour'";

/**
 * Samples every projection's lag into `projection_lag_samples` every 30 s and keeps one hour.
 * Every process samples (API-only ones too: the lag is read from the log and the checkpoints,
 * not from the process): the slot is the row's key, so with several processes the first one
 * writes the slot and the others see it taken and skip the work.
 */
@Injectable()
export class LagSampler implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    @Inject(DATABASE) private readonly db: Kysely<any>,
    @Inject(LOGGER) private readonly logger: Logger,
    @Optional() @Inject(PROJECTION_HEALTH) private readonly projections?: () => Promise<ProjectionHealth[]>,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.projections) return;
    this.timer = setInterval(() => this.tick(), LAG_SAMPLE_SECONDS * 1000);
    this.timer.unref();
    this.tick();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.sample()
      .then(() => undefined)
      .catch((error: unknown) => this.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'projection lag sample failed'))
      .finally(() => {
        this.running = undefined;
      });
  }

  /** Writes the current slot's sample unless another process did; prunes samples older than an hour. */
  async sample(): Promise<boolean> {
    const slot = sql`to_timestamp(floor(extract(epoch FROM now()) / ${LAG_SAMPLE_SECONDS}) * ${LAG_SAMPLE_SECONDS})`;
    const { rows } = await sql<{ taken: boolean }>`SELECT EXISTS (SELECT 1 FROM projection_lag_samples WHERE slot = ${slot}) AS taken`.execute(this.db);
    if (rows[0]?.taken) return false;
    const health = await this.projections!();
    if (health.length === 0) return false;
    await sql`
      INSERT INTO projection_lag_samples (slot, projection, lag_events, lag_seconds, status)
      SELECT ${slot}, p.name, p.lag_events, p.lag_seconds, p.status
        FROM jsonb_to_recordset(${JSON.stringify(health.map((h) => ({ name: h.name, lag_events: h.lagEvents, lag_seconds: h.lagSeconds, status: h.status })))}::jsonb)
             AS p(name text, lag_events bigint, lag_seconds double precision, status text)
      ON CONFLICT (slot, projection) DO NOTHING`.execute(this.db);
    await sql`DELETE FROM projection_lag_samples WHERE slot < now() - ${sql.raw(KEEP)}`.execute(this.db);
    return true;
  }

  async lastHour(): Promise<LagSample[]> {
    const { rows } = await sql<{ slot: Date; projection: string; lag_events: string; lag_seconds: number; status: LagSample['status'] }>`
      SELECT slot, projection, lag_events, lag_seconds, status FROM projection_lag_samples
       WHERE slot >= now() - ${sql.raw(KEEP)} ORDER BY slot, projection`.execute(this.db);
    return rows.map((r) => ({
      at: new Date(r.slot).toISOString(),
      projection: r.projection,
      lagEvents: Number(r.lag_events),
      lagSeconds: Number(r.lag_seconds),
      status: r.status,
    }));
  }
}
