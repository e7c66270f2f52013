import type pg from 'pg';
import { Backoff, sleep, ValidationError } from '#ardoise/kernel';
import type { EventFilter, ReadAllOptions, RecordedEvent } from '../event-store.port.js';
import { fromPosition, type PgPosition } from './position.js';
import { checkMaxCount } from './read-stream.js';
import { EVENT_COLUMNS, likePrefix, toRecordedEvent, type EventRow } from './rows.js';

/*
 * Global order, the PostgreSQL way (docs/decisions/0002-xid8-global-order.md).
 *
 * global_position comes from a sequence, taken at INSERT time but visible at COMMIT time:
 * transaction A takes 10, transaction B takes 11 and commits first; a reader that saw 11
 * and checkpointed it would never see 10. So every row carries the writing transaction's
 * id (xid8, `pg_current_xact_id()`), readers order by (transaction_id, global_position),
 * and they only look at rows written by transactions older than the oldest transaction
 * still running: `transaction_id < pg_snapshot_xmin(pg_current_snapshot())`. Every such
 * transaction has ended (committed or rolled back), and any later transaction gets a
 * larger xid, so the set of rows below that cut never changes again: a reader (or a
 * subscription) that has consumed everything below it can checkpoint and never miss an
 * event. The price: an open writing transaction anywhere on the server holds the cut back
 * until it ends.
 */

/**
 * A transaction that takes this mark (a shared, transaction-scoped advisory lock, taken
 * BEFORE its first write) promises never to append events: the projection engine's batch
 * transactions take it (libs/projections, generation-registry.ts). The visibility cut does
 * not wait for such transactions, nor for transactions of other databases on the server:
 * neither can write to this database's `events` table. Two int4 keys (objsubid 2 in
 * pg_locks), so it can never be confused with the single-bigint leader locks.
 */
export const NO_EVENTS_TRANSACTION_MARK = { key1: 1095914564, key2: 16 } as const;
export const NO_EVENTS_TRANSACTION_MARK_SQL = `pg_advisory_xact_lock_shared(${NO_EVENTS_TRANSACTION_MARK.key1}, ${NO_EVENTS_TRANSACTION_MARK.key2})`;

/*
 * The cut: the oldest transaction, among those running when the snapshot was taken, that
 * may still append to this database's events table; the snapshot's xmax when there is none.
 * A running xid is ignored only when pg_locks shows, for the very transaction that holds it
 * (its virtual transaction id), the mark above, or when its backend is connected to another
 * database. Everything uncertain is waited for: an xid whose lock row is not there yet (it is
 * being assigned), a prepared transaction (no backend), a transaction that took the mark
 * after its first write (the mark is then too late to matter: it was running unmarked when
 * its xid was taken — and the engine never does that). pg_locks is read once (one CTE).
 */
const CUT_SQL = `
  WITH snap AS MATERIALIZED (SELECT pg_current_snapshot() AS s),
  locks AS MATERIALIZED (
    SELECT locktype, virtualtransaction, transactionid, classid, objid, objsubid, pid
    FROM pg_locks WHERE granted AND locktype IN ('transactionid', 'advisory')),
  ignorable AS (
    SELECT t.transactionid FROM locks t
    WHERE t.locktype = 'transactionid'
      AND (EXISTS (SELECT 1 FROM locks m
                   WHERE m.locktype = 'advisory' AND m.virtualtransaction = t.virtualtransaction
                     AND m.classid = ${NO_EVENTS_TRANSACTION_MARK.key1}::oid AND m.objid = ${NO_EVENTS_TRANSACTION_MARK.key2}::oid AND m.objsubid = 2)
           OR EXISTS (SELECT 1 FROM pg_stat_activity a
                      WHERE a.pid = t.pid AND a.datname IS DISTINCT FROM current_database())))
  SELECT coalesce((SELECT min(x) FROM pg_snapshot_xip(snap.s) AS x
                   WHERE xid(x) NOT IN (SELECT transactionid FROM ignorable)),
                  pg_snapshot_xmax(snap.s))::text AS xmin,
         pg_snapshot_xmax(snap.s)::text AS xmax
  FROM snap`;

/**
 * The visibility cut right now: every transaction below `xmin` that could write events has
 * ended (see CUT_SQL); `xmax`: every transaction below it had started.
 */
export async function currentCut(pool: pg.Pool): Promise<{ xmin: bigint; xmax: bigint }> {
  const { rows } = await pool.query<{ xmin: string; xmax: string }>({ name: 'es_current_cut_v2', text: CUT_SQL });
  return { xmin: BigInt(rows[0]!.xmin), xmax: BigInt(rows[0]!.xmax) };
}

/**
 * One cut query in flight per store, shared by its subscriptions (a NOTIFY wakes them all
 * at once). A caller never gets a cut computed from a query that started before its call:
 * it joins the query queued behind the running one (so an event committed before the call
 * is below the cut it gets, once nothing older is running).
 */
export class SharedCut {
  private running: Promise<{ xmin: bigint; xmax: bigint }> | undefined;
  private queued: Promise<{ xmin: bigint; xmax: bigint }> | undefined;

  constructor(private readonly pool: pg.Pool) {}

  get(): Promise<{ xmin: bigint; xmax: bigint }> {
    if (this.queued) return this.queued;
    if (!this.running) return this.start();
    const queued = this.running
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        this.queued = undefined;
        return this.start();
      });
    this.queued = queued;
    return queued;
  }

  private start(): Promise<{ xmin: bigint; xmax: bigint }> {
    const running: Promise<{ xmin: bigint; xmax: bigint }> = currentCut(this.pool).finally(() => {
      if (this.running === running) this.running = undefined;
    });
    this.running = running;
    return running;
  }
}

/**
 * A cut that includes every transaction that had ended when we were called (so that a
 * caller reads its own committed appends): wait, up to `maxWaitMs`, for the transactions
 * running at call time to end. After that, return the cut as it is (still safe, maybe
 * without the most recent events).
 */
export async function settledCut(pool: pg.Pool, maxWaitMs: number): Promise<bigint> {
  const start = await currentCut(pool);
  let cut = start.xmin;
  const deadline = Date.now() + maxWaitMs;
  const pause = new Backoff({ initialMs: 2, maxMs: 50, jitter: 0 });
  while (cut < start.xmax && Date.now() < deadline) {
    await sleep(pause.next());
    cut = (await currentCut(pool)).xmin;
  }
  return cut;
}

export interface FilterSql {
  clause: string;
  values: unknown[];
}

/** SQL for an EventFilter, parameters numbered from `firstParam`. */
export function filterSql(filter: EventFilter | undefined, firstParam: number): FilterSql {
  const parts: string[] = [];
  const values: unknown[] = [];
  if (filter?.streamPrefixes !== undefined) {
    if (!Array.isArray(filter.streamPrefixes) || filter.streamPrefixes.some((p) => typeof p !== 'string')) {
      throw new ValidationError([{ field: 'filter.streamPrefixes', messages: ['must be an array of strings'] }]);
    }
    values.push(filter.streamPrefixes.map(likePrefix));
    parts.push(`AND stream_id LIKE ANY ($${firstParam + values.length - 1}::text[])`);
  }
  if (filter?.eventTypes !== undefined) {
    if (!Array.isArray(filter.eventTypes) || filter.eventTypes.some((t) => typeof t !== 'string')) {
      throw new ValidationError([{ field: 'filter.eventTypes', messages: ['must be an array of strings'] }]);
    }
    values.push(filter.eventTypes);
    parts.push(`AND type = ANY ($${firstParam + values.length - 1}::text[])`);
  }
  // A period by recorded time: served by events_recorded_at_idx (migration 0002).
  for (const [bound, op] of [
    [filter?.recordedFrom, '>='],
    [filter?.recordedBefore, '<'],
  ] as const) {
    if (bound === undefined) continue;
    if (!(bound instanceof Date) || Number.isNaN(bound.getTime())) {
      throw new ValidationError([{ field: op === '>=' ? 'filter.recordedFrom' : 'filter.recordedBefore', messages: ['must be a valid date'] }]);
    }
    values.push(bound.toISOString());
    parts.push(`AND recorded_at ${op} $${firstParam + values.length - 1}::timestamptz`);
  }
  return { clause: parts.join(' '), values };
}

/**
 * One page of the log strictly after (forwards) or before (backwards) `after`, below the
 * cut `below` (exclusive xid), filtered. Keyset paging on (transaction_id, global_position).
 */
export async function readPage(
  pool: pg.Pool,
  args: { after: PgPosition | undefined; backwards: boolean; below: bigint; limit: number; filter: EventFilter | undefined },
): Promise<EventRow[]> {
  const values: unknown[] = [args.below.toString(), args.limit];
  let bound = '';
  if (args.after) {
    values.push(args.after.transactionId.toString(), args.after.globalPosition.toString());
    bound = `AND (transaction_id, global_position) ${args.backwards ? '<' : '>'} ($3::text::xid8, $4::bigint)`;
  }
  const filter = filterSql(args.filter, values.length + 1);
  values.push(...filter.values);
  const order = args.backwards ? 'DESC' : 'ASC';
  const { rows } = await pool.query<EventRow>({
    text: `SELECT ${EVENT_COLUMNS} FROM events
           WHERE transaction_id < $1::text::xid8 ${bound} ${filter.clause}
           ORDER BY events.transaction_id ${order}, events.global_position ${order} LIMIT $2`,
    values,
  });
  return rows;
}

export interface ReadAllContext {
  pool: pg.Pool;
  pageSize: number;
  /** How long readAll waits for transactions in flight at call time (see settledCut). */
  settleMs: number;
}

export async function* readAll(ctx: ReadAllContext, options: ReadAllOptions = {}): AsyncGenerator<RecordedEvent> {
  const backwards = options.direction === 'backwards';
  if (options.direction !== undefined && options.direction !== 'forwards' && !backwards) {
    throw new ValidationError([{ field: 'direction', messages: ["must be 'forwards' or 'backwards'"] }]);
  }
  let remaining = checkMaxCount(options.maxCount);
  let after = options.fromPosition === undefined ? undefined : fromPosition(options.fromPosition);
  filterSql(options.filter, 1); // validate before any I/O
  if (remaining === 0) return;
  // One cut for the whole read: a consistent prefix of the log, paged.
  const below = await settledCut(ctx.pool, options.settleMs ?? ctx.settleMs);
  while (remaining > 0) {
    const limit = Math.min(ctx.pageSize, remaining);
    const rows = await readPage(ctx.pool, { after, backwards, below, limit, filter: options.filter });
    for (const row of rows) yield toRecordedEvent(row);
    remaining -= rows.length;
    const last = rows[rows.length - 1];
    if (!last || rows.length < limit) return;
    after = { transactionId: BigInt(last.transaction_id), globalPosition: BigInt(last.global_position) };
  }
}
