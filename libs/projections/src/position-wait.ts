import { sql, type Kysely } from 'kysely';
import type { EventStore, Position } from '#ardoise/event-store';
import type { Projector } from './projector.js';
import { sleep } from '#ardoise/kernel';

/**
 * Read-your-writes, the reading side: whether each projector's active generation has passed
 * `position`, i.e. holds every event it matches up to that position. Its checkpoint moves only
 * on matching events, so a checkpoint before `position` still passes when the log holds no
 * matching event between the two (one indexed read of at most one event) — and only when
 * the log, as readers see it now, reaches `position` (a store may hold back recent events
 * from readers, e.g. PostgreSQL behind a transaction still open: a read that cannot see the
 * position yet proves nothing).
 */
export async function projectionsBehind(db: Kysely<any>, store: EventStore, projectors: readonly Projector[], position: Position): Promise<string[]> {
  if (projectors.length === 0) return [];
  const { rows } = await sql<{ projection: string; position: string | null; version: number }>`
    SELECT projection, position, version FROM projection_generations
    WHERE status = 'active' AND projection IN (${sql.join(projectors.map((p) => p.name))})`.execute(db);
  const active = new Map(rows.map((r) => [r.projection, r]));
  let visible: Promise<boolean> | undefined;
  const logReaches = () => (visible ??= lastVisible(store).then((last) => !!last && store.positions.compare(last, position) >= 0));
  const behind = await Promise.all(
    projectors.map(async (projector) => {
      const generation = active.get(projector.name);
      if (!generation) return projector.name;
      const checkpoint = generation.position === null ? undefined : store.positions.decode(generation.position);
      if (checkpoint && store.positions.compare(checkpoint, position) >= 0) return undefined;
      if (!(await logReaches())) return projector.name;
      for await (const next of store.readAll({ fromPosition: checkpoint, filter: projector.filter, maxCount: 1, settleMs: 0 })) {
        return store.positions.compare(next.position, position) <= 0 ? projector.name : undefined;
      }
      return undefined;
    }),
  );
  return behind.filter((name): name is string => name !== undefined);
}

async function lastVisible(store: EventStore): Promise<Position | undefined> {
  // What readers see now, without waiting for transactions in flight (polling does the waiting).
  for await (const event of store.readAll({ direction: 'backwards', maxCount: 1, settleMs: 0 })) return event.position;
  return undefined;
}

/**
 * Waits until every projector has passed `position` (see projectionsBehind), polling with a
 * short growing delay, at most `timeoutMs`. Returns the names still behind ([] = passed).
 */
export async function waitForProjections(
  db: Kysely<any>,
  store: EventStore,
  projectors: readonly Projector[],
  position: Position,
  options: { timeoutMs: number; signal?: AbortSignal },
): Promise<string[]> {
  const deadline = Date.now() + options.timeoutMs;
  let pending = [...projectors];
  for (let delay = 5; ; delay = Math.min(delay * 2, 50)) {
    // A store read may itself wait (PostgreSQL settles transactions in flight): never past the deadline.
    const check = projectionsBehind(db, store, pending, position);
    check.catch(() => undefined);
    // The deadline's timer goes as soon as the check answers: a long wait (a seed's catch-up)
    // must not leave an hour-long timer keeping the process alive.
    const answered = new AbortController();
    const late = sleep(Math.max(0, deadline - Date.now()), answered.signal).then(() => pending.map((p) => p.name));
    const behind = new Set(await Promise.race([check, late]).finally(() => answered.abort()));
    pending = pending.filter((p) => behind.has(p.name));
    if (pending.length === 0 || Date.now() >= deadline || options.signal?.aborted) return pending.map((p) => p.name);
    await sleep(Math.min(delay, Math.max(0, deadline - Date.now())), options.signal).catch(() => undefined);
  }
}
