import { sql, type Kysely, type Transaction } from 'kysely';
import { NO_EVENTS_TRANSACTION_MARK_SQL } from '#ardoise/event-store';
import type { Generation, GenerationStatus } from './generation.js';

interface GenerationRow {
  projection: string;
  generation: number;
  version: number;
  status: GenerationStatus;
  tables: string[];
  position: string | null;
  events_applied: string | number | bigint;
  started_at: Date;
  activated_at: Date | null;
  retired_at: Date | null;
}

const toGeneration = (r: GenerationRow): Generation => ({
  projection: r.projection,
  generation: r.generation,
  version: r.version,
  status: r.status,
  tables: r.tables,
  position: r.position,
  eventsApplied: Number(r.events_applied),
  startedAt: r.started_at,
  activatedAt: r.activated_at,
  retiredAt: r.retired_at,
});

const COLUMNS = sql`projection, generation, version, status, tables, position, events_applied, started_at, activated_at, retired_at`;

/** Reads and writes projection_generations (raw SQL: the table is the engine's own). */
export const generationRegistry = {
  async active(db: Kysely<any>, projection: string): Promise<Generation | undefined> {
    return one(await sql<GenerationRow>`SELECT ${COLUMNS} FROM projection_generations WHERE projection = ${projection} AND status = 'active'`.execute(db));
  },

  async building(db: Kysely<any>, projection: string): Promise<Generation | undefined> {
    return one(await sql<GenerationRow>`SELECT ${COLUMNS} FROM projection_generations WHERE projection = ${projection} AND status = 'building'`.execute(db));
  },

  async all(db: Kysely<any>, projection: string): Promise<Generation[]> {
    const { rows } = await sql<GenerationRow>`SELECT ${COLUMNS} FROM projection_generations WHERE projection = ${projection} ORDER BY generation`.execute(db);
    return rows.map(toGeneration);
  },

  /**
   * Locks the row until the end of `trx` (the fence every writer goes through). Every
   * projection transaction starts here, so this is also where it marks itself as one that
   * never appends events (NO_EVENTS_TRANSACTION_MARK_SQL, taken in the CTE before the row
   * lock gives the transaction its xid): the event store's visibility cut then does not wait
   * for it, and a long batch or a rebuild no longer delays every subscriber.
   */
  async lock(trx: Transaction<any>, projection: string, generation: number): Promise<Generation | undefined> {
    return one(
      await sql<GenerationRow>`WITH mark AS MATERIALIZED (SELECT ${sql.raw(NO_EVENTS_TRANSACTION_MARK_SQL)})
        SELECT ${COLUMNS} FROM projection_generations, mark WHERE projection = ${projection} AND generation = ${generation} FOR UPDATE OF projection_generations`.execute(
        trx,
      ),
    );
  },

  async lockActive(trx: Transaction<any>, projection: string): Promise<Generation | undefined> {
    return one(
      await sql<GenerationRow>`WITH mark AS MATERIALIZED (SELECT ${sql.raw(NO_EVENTS_TRANSACTION_MARK_SQL)})
        SELECT ${COLUMNS} FROM projection_generations, mark WHERE projection = ${projection} AND status = 'active' FOR UPDATE OF projection_generations`.execute(
        trx,
      ),
    );
  },

  /**
   * A batch's claim, in one statement (one round trip fewer than lock + saveCheckpoint): marks
   * the transaction as lock() does, then moves the checkpoint to `position` only if the row is
   * still what the writer believes — `expectedStatus` and `expectedPosition`, the compare-and-set
   * that fences off a second writer. The UPDATE holds the row lock until the end of `trx`: a
   * concurrent claim waits, then finds the checkpoint moved and claims nothing (PostgreSQL
   * re-checks the WHERE on the row it waited for); so does a batch that meets a switch. The
   * batch's events are applied after the claim, in the same transaction: all or nothing.
   * `asynchronousCommit` sets synchronous_commit off for the transaction (rebuild batches).
   * Returns false when nothing was claimed (the caller rolls back).
   */
  async claimBatch(
    trx: Transaction<any>,
    claim: {
      projection: string;
      generation: number;
      expectedStatus: GenerationStatus;
      expectedPosition: string | null;
      position: string;
      applied: number;
      asynchronousCommit?: boolean;
    },
  ): Promise<boolean> {
    const settings = claim.asynchronousCommit ? sql`, set_config('synchronous_commit', 'off', true)` : sql``;
    const { rows } = await sql<{ claimed: number }>`WITH mark AS MATERIALIZED (SELECT ${sql.raw(NO_EVENTS_TRANSACTION_MARK_SQL)} ${settings})
      UPDATE projection_generations
      SET position = ${claim.position}, events_applied = events_applied + ${claim.applied}, updated_at = now()
      FROM mark
      WHERE projection = ${claim.projection} AND generation = ${claim.generation}
        AND status = ${claim.expectedStatus} AND position IS NOT DISTINCT FROM ${claim.expectedPosition}
      RETURNING 1 AS claimed`.execute(trx);
    return rows.length === 1;
  },

  async nextGenerationNumber(trx: Transaction<any>, projection: string): Promise<number> {
    const { rows } = await sql<{
      next: number;
    }>`SELECT coalesce(max(generation), 0) + 1 AS next FROM projection_generations WHERE projection = ${projection}`.execute(trx);
    return Number(rows[0]!.next);
  },

  async insertBuilding(trx: Transaction<any>, g: { projection: string; generation: number; version: number; tables: string[] }): Promise<Generation> {
    const { rows } = await sql<GenerationRow>`
      INSERT INTO projection_generations (projection, generation, version, status, tables)
      VALUES (${g.projection}, ${g.generation}, ${g.version}, 'building', ${g.tables})
      RETURNING ${COLUMNS}`.execute(trx);
    return toGeneration(rows[0]!);
  },

  async saveCheckpoint(trx: Transaction<any>, projection: string, generation: number, position: string, applied: number): Promise<void> {
    await sql`
      UPDATE projection_generations
      SET position = ${position}, events_applied = events_applied + ${applied}, updated_at = now()
      WHERE projection = ${projection} AND generation = ${generation}`.execute(trx);
  },

  async setStatus(trx: Transaction<any>, projection: string, generation: number, status: GenerationStatus): Promise<void> {
    const stamp = status === 'active' ? sql`, activated_at = now()` : status === 'retired' ? sql`, retired_at = now()` : sql``;
    await sql`
      UPDATE projection_generations SET status = ${status}, updated_at = now() ${stamp}
      WHERE projection = ${projection} AND generation = ${generation}`.execute(trx);
  },
};

function one(result: { rows: GenerationRow[] }): Generation | undefined {
  const row = result.rows[0];
  return row ? toGeneration(row) : undefined;
}
