import type pg from 'pg';
import { ValidationError } from '#ardoise/kernel';
import type { ReadStreamOptions, RecordedEvent } from '../event-store.port.js';
import { StreamNotFoundError } from '../errors.js';
import type { HeadCache } from './head-cache.js';
import { EVENT_COLUMNS, toRecordedEvent, type EventRow } from './rows.js';

export interface ReadContext {
  pool: pg.Pool;
  heads: HeadCache;
  pageSize: number;
}

export function checkMaxCount(maxCount: number | undefined): number {
  if (maxCount === undefined) return Number.POSITIVE_INFINITY;
  if (!Number.isSafeInteger(maxCount) || maxCount < 0) {
    throw new ValidationError([{ field: 'maxCount', messages: ['must be an integer >= 0'] }]);
  }
  return maxCount;
}

/**
 * One stream in revision order, paged (pageSize rows per query, keyset on revision), so a
 * long stream is never loaded at once. A stream's events are read as soon as committed
 * (no snapshot-xmin cut here: revision r+1 is only inserted once r is committed and
 * visible — append.ts — so a stream's revisions commit in order). Missing stream → StreamNotFoundError on first iteration.
 */
export async function* readStream(ctx: ReadContext, streamId: string, options: ReadStreamOptions = {}): AsyncGenerator<RecordedEvent> {
  const backwards = options.direction === 'backwards';
  if (options.direction !== undefined && options.direction !== 'forwards' && !backwards) {
    throw new ValidationError([{ field: 'direction', messages: ["must be 'forwards' or 'backwards'"] }]);
  }
  if (options.fromRevision !== undefined && (typeof options.fromRevision !== 'bigint' || options.fromRevision < 0n)) {
    throw new ValidationError([{ field: 'fromRevision', messages: ['must be a bigint >= 0'] }]);
  }
  let remaining = checkMaxCount(options.maxCount);
  // Inclusive bound of the next page.
  let from: bigint | undefined = options.fromRevision;
  let first = true;
  while (remaining > 0) {
    const limit = Math.min(ctx.pageSize, remaining);
    const bound = from === undefined ? '' : backwards ? 'AND revision <= $2::bigint' : 'AND revision >= $2::bigint';
    const { rows } = await ctx.pool.query<EventRow>({
      name: `es_read_stream_${backwards ? 'b' : 'f'}${from === undefined ? '' : '_from'}`,
      text: `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = $1 ${bound}
             ORDER BY events.revision ${backwards ? 'DESC' : 'ASC'} LIMIT ${from === undefined ? '$2' : '$3'}`,
      values: from === undefined ? [streamId, limit] : [streamId, from.toString(), limit],
    });
    if (first && rows.length === 0) {
      // Read from its start (or back from its end), a stream with no row has no event at all:
      // it does not exist, no second query needed. From a revision, it may exist but end before.
      if (from === undefined) throw new StreamNotFoundError(streamId);
      const exists = await ctx.pool.query({
        name: 'es_stream_exists',
        text: 'SELECT 1 FROM events WHERE stream_id = $1 LIMIT 1',
        values: [streamId],
      });
      if (exists.rowCount === 0) throw new StreamNotFoundError(streamId);
      return;
    }
    if (first && backwards && options.fromRevision === undefined && rows[0]) {
      // Backwards from the end: the first row is the stream's head.
      ctx.heads.offer(streamId, { revision: BigInt(rows[0].revision), hash: rows[0].hash });
    }
    first = false;
    for (const row of rows) yield toRecordedEvent(row);
    remaining -= rows.length;
    const last = rows[rows.length - 1];
    if (rows.length < limit || !last) {
      // Forwards to the end: the last row was the head when we read it (a hint for append).
      if (!backwards && last && remaining > 0) ctx.heads.offer(streamId, { revision: BigInt(last.revision), hash: last.hash });
      return;
    }
    const lastRevision = BigInt(last.revision);
    if (backwards && lastRevision === 0n) return;
    from = backwards ? lastRevision - 1n : lastRevision + 1n;
  }
}
