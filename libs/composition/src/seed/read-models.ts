import type { EventStore, Position } from '#ardoise/event-store';
import { ProjectionRunner, silentProjectionLogger, type Projector } from '#ardoise/projections';
import type { Infrastructure } from '#ardoise/runtime';

/** A month of a city's bookings can take a while to project from zero. */
const CATCH_UP_TIMEOUT_MS = 60 * 60_000;

/**
 * Brings read models up to the end of the log as it is now, and returns. The seed follows
 * no read model while it writes (projecting as it goes would share the machine with the
 * writing for nothing): only where a command reads one (bookings check the children in the
 * families read model, the billing run reads its billable days) are those projections
 * caught up first, and everything at the end. Runs its own projection runner for the time
 * of the catch-up; where a worker or the app already leads a projection, this runner stands
 * by and simply waits for it.
 */
export async function catchUpReadModels(infrastructure: Infrastructure, projectors: readonly Projector[]): Promise<void> {
  const end = await lastPosition(infrastructure.store);
  if (!end) return;
  const runner = runnerOf(infrastructure, projectors);
  runner.start();
  try {
    const behind = await runner.waitForPosition(infrastructure.store.positions.encode(end), { timeoutMs: CATCH_UP_TIMEOUT_MS });
    if (behind.length > 0) throw new Error(`read models still behind: ${behind.join(', ')}`);
  } finally {
    await runner.stop();
  }
}

function runnerOf(infrastructure: Infrastructure, projectors: readonly Projector[]): ProjectionRunner {
  return new ProjectionRunner({
    pool: infrastructure.pool,
    db: infrastructure.db,
    store: infrastructure.store,
    projectors,
    logger: silentProjectionLogger,
    batchSize: 5000,
  });
}

export async function lastPosition(store: EventStore): Promise<Position | undefined> {
  for await (const event of store.readAll({ direction: 'backwards', maxCount: 1 })) return event.position;
  return undefined;
}
