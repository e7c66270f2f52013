import { sql, type Kysely } from 'kysely';
import type { ProjectionHealth, HealthStatus } from '#ardoise/contracts';
import type { EventStore } from '#ardoise/event-store';
import type { Projector } from './projector.js';
import { generationRegistry } from './generation-registry.js';
import { runnerStatus } from './runner-status.js';

export interface ProjectionHealthOptions {
  /** Lag is counted by reading the log after the checkpoint, up to this many events (then it is a lower bound). */
  lagCountCap: number;
  /** A heartbeat older than this means no runner is alive: 'down'. */
  staleHeartbeatMs: number;
  /** Lag older than this is 'degraded'. */
  degradedLagSeconds: number;
}

export const defaultHealthOptions: ProjectionHealthOptions = { lagCountCap: 10_000, staleHeartbeatMs: 30_000, degradedLagSeconds: 60 };

/**
 * Health of each projection, readable from any process (it reads only the registry and the
 * log, not the runner's memory):
 * - lagEvents: matching events after the active generation's checkpoint, counted with
 *   readAll from the checkpoint, capped at `lagCountCap`;
 * - lagSeconds: age of the first of them (the oldest not yet applied), 0 when caught up;
 * - heartbeatAt: the leader's last heartbeat;
 * - status: 'down' when no generation is active or no leader has reported recently;
 *   'degraded' when lagging more than `degradedLagSeconds`, after an error not yet
 *   overcome, or while the active generation has an older version (being rebuilt, frozen);
 *   else 'ok'.
 */
export async function projectionHealth(
  db: Kysely<any>,
  store: EventStore,
  projectors: readonly Projector[],
  options: ProjectionHealthOptions = defaultHealthOptions,
): Promise<ProjectionHealth[]> {
  const { rows } = await sql<{ now: Date }>`SELECT now() AS now`.execute(db);
  const now = rows[0]!.now.getTime();
  return Promise.all(projectors.map((p) => one(db, store, p, now, options)));
}

async function one(db: Kysely<any>, store: EventStore, projector: Projector, now: number, options: ProjectionHealthOptions): Promise<ProjectionHealth> {
  const [active, runner] = await Promise.all([generationRegistry.active(db, projector.name), runnerStatus.read(db, projector.name)]);
  let lagEvents = 0;
  let oldest: Date | undefined;
  const fromPosition = active?.position ? store.positions.decode(active.position) : undefined;
  for await (const event of store.readAll({ fromPosition, filter: projector.filter, maxCount: options.lagCountCap })) {
    oldest ??= event.recordedAt;
    lagEvents += 1;
  }
  const lagSeconds = oldest ? Math.max(0, Math.round((now - oldest.getTime()) / 1000)) : 0;
  const heartbeatAt = runner?.heartbeatAt ?? null;
  let status: HealthStatus = 'ok';
  if (!active || !heartbeatAt || now - heartbeatAt.getTime() > options.staleHeartbeatMs) status = 'down';
  else if (active.version !== projector.version || lagSeconds > options.degradedLagSeconds || runner?.lastError) status = 'degraded';
  const error = runner?.lastError ? { message: runner.lastError, at: (runner.lastErrorAt ?? new Date(now)).toISOString(), event: runner.lastErrorEvent } : null;
  return { name: projector.name, lagEvents, lagSeconds, heartbeatAt: heartbeatAt?.toISOString() ?? null, status, position: active?.position ?? null, error };
}
