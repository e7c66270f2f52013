import { retry } from '#ardoise/kernel';
import type pg from 'pg';
import type { AppendResult, EventData, ExpectedRevision } from '../event-store.port.js';
import { DuplicateEventIdError, WrongExpectedVersionError } from '../errors.js';
import { computeEventHash, toStorableJson } from '../event-hash.js';
import { validateAppend } from '../append-validation.js';
import type { HeadCache, StreamHead } from './head-cache.js';
import type { CoalescingNotifier } from './notifier.js';
import { toPosition } from './position.js';

/*
 * Append in ONE round trip in the common case.
 *
 * The hash of each event chains the previous one (event-hash.ts, computed here in
 * TypeScript, never in SQL), so the writer must know the stream's head (revision + hash)
 * before it sends the insert. It takes it from:
 *   - nothing at all for 'no_stream' (revision -1, previous hash ''),
 *   - the HeadCache otherwise: heads this adapter saw when it appended to or read the stream
 *     (a command handler reads its aggregate, then appends: the head is cached by then).
 * Then ONE statement, `INSERT … SELECT … WHERE EXISTS (head) RETURNING …`:
 *   - the optimistic concurrency check is the unique index on (stream_id, revision): the
 *     new events take revisions head+1…; if another writer already took head+1 the insert
 *     fails with a unique violation (a concurrent, uncommitted writer makes us wait for its
 *     outcome first — so of N writers at the same expected revision exactly one wins);
 *   - `WHERE EXISTS (… revision = head AND hash = headHash)` refuses to build on a head that
 *     is not there (a stale cache entry claiming a longer stream, or another content): it
 *     inserts nothing rather than leaving a gap or a broken link.
 * No `streams` table: a head row updated on every append doubled the write cost (an extra
 * tuple version and WAL record per append, measured in bench/append.bench.ts) for nothing
 * the unique index does not already give.
 *
 * Only when that fails (a conflict, or a stale/missing cache entry) do we read the head
 * (second round trip), then either retry (the expectation still holds: 'any', or the cache
 * was simply stale), return the original result (an idempotent re-append: the same event
 * ids already follow the expected revision) or throw WrongExpectedVersionError.
 * After a successful append, the notifier wakes subscribers (notifier.ts explains why the
 * NOTIFY is not in the statement).
 */

const COLUMNS = 'stream_id, revision, event_id, type, data, metadata, hash, previous_hash';

/**
 * $1 stream id, $2 head revision, $3 head hash (= previous_hash of the first new event).
 * Single event: $4 revision, $5 id, $6 type, $7 data, $8 metadata, $9 hash.
 * Batch: the same as arrays, plus $10 previous hashes.
 */
function appendSql(single: boolean, newStream: boolean): string {
  const source = single
    ? `SELECT $1::text, $4::bigint, $5::uuid, $6::text, $7::jsonb, $8::jsonb, $9::text, $3::text`
    : `SELECT $1::text, e.revision, e.event_id, e.type, e.data, e.metadata, e.hash, e.previous_hash
       FROM unnest($4::bigint[], $5::uuid[], $6::text[], $7::jsonb[], $8::jsonb[], $9::text[], $10::text[])
         WITH ORDINALITY AS e(revision, event_id, type, data, metadata, hash, previous_hash, n)`;
  const guard = newStream
    ? `WHERE $2::bigint IS NULL AND $3::text = ''`
    : `WHERE EXISTS (SELECT 1 FROM events h WHERE h.stream_id = $1 AND h.revision = $2::bigint AND h.hash = $3)`;
  return `INSERT INTO events (${COLUMNS})
    ${source}
    ${guard}
    ${single ? '' : 'ORDER BY e.n'}
    RETURNING global_position::text AS global_position, transaction_id::text AS transaction_id`;
}

export interface AppendContext {
  pool: pg.Pool;
  heads: HeadCache;
  /** Wakes subscribers after an append; undefined to not notify (they poll). */
  notifier: CoalescingNotifier | undefined;
}

const MAX_ATTEMPTS = 20;

export async function appendToStream(ctx: AppendContext, streamId: string, events: EventData[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
  validateAppend(streamId, events, expectedRevision);
  // undefined: unknown yet; null: the stream does not exist.
  let head: StreamHead | null | undefined = expectedRevision === 'no_stream' ? null : ctx.heads.get(streamId);
  if (typeof expectedRevision === 'bigint' && head && head.revision !== expectedRevision) head = undefined;

  const attempt = async (): Promise<AppendResult> => {
    if (head === undefined) {
      head = await readHead(ctx.pool, streamId);
      if (!satisfies(expectedRevision, head)) {
        return resolveConflict(ctx, streamId, events, expectedRevision, head);
      }
    }
    let result: AppendResult | undefined;
    try {
      result = await tryAppend(ctx, streamId, events, head);
    } catch (error) {
      const constraint = (error as { code?: string; constraint?: string }).code === '23505' ? (error as { constraint?: string }).constraint : undefined;
      if (constraint === 'events_event_id_key') {
        return resolveConflict(ctx, streamId, events, expectedRevision, await readHead(ctx.pool, streamId), true);
      }
      if (constraint !== 'events_stream_revision_key') throw error;
    }
    if (result) return result;
    // Another writer took the next revision, or our cached head was stale: look again (at once:
    // the expectation still holds, only the head moved).
    ctx.heads.forget(streamId);
    head = undefined;
    throw new UnderContention(streamId);
  };
  return retry(attempt, { retries: MAX_ATTEMPTS - 1, retryIf: (error) => error instanceof UnderContention });
}

class UnderContention extends Error {
  constructor(streamId: string) {
    super(`append to ${streamId}: gave up after ${MAX_ATTEMPTS} attempts under contention`);
  }
}

function satisfies(expected: ExpectedRevision, head: StreamHead | null): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return head === null;
  if (expected === 'stream_exists') return head !== null;
  return head !== null && head.revision === expected;
}

async function readHead(pool: pg.Pool, streamId: string): Promise<StreamHead | null> {
  const { rows } = await pool.query<{ revision: string; last_hash: string }>({
    name: 'es_read_head',
    text: 'SELECT revision::text AS revision, hash AS last_hash FROM events WHERE stream_id = $1 ORDER BY events.revision DESC LIMIT 1',
    values: [streamId],
  });
  return rows[0] ? { revision: BigInt(rows[0].revision), hash: rows[0].last_hash } : null;
}

/** One statement: the guarded insert. Undefined when the head is not there; throws 23505 when taken. */
async function tryAppend(ctx: AppendContext, streamId: string, events: EventData[], head: StreamHead | null): Promise<AppendResult | undefined> {
  const revisions: string[] = [];
  const ids: string[] = [];
  const types: string[] = [];
  const data: string[] = [];
  const metadata: string[] = [];
  const hashes: string[] = [];
  const previousHashes: string[] = [];
  let revision = head ? head.revision : -1n;
  let previousHash = head ? head.hash : '';
  for (const event of events) {
    revision += 1n;
    const hash = computeEventHash(previousHash, { streamId, revision, type: event.type, data: event.data, metadata: event.metadata });
    revisions.push(revision.toString());
    ids.push(event.id);
    types.push(event.type);
    data.push(toStorableJson(event.data));
    metadata.push(toStorableJson(event.metadata));
    hashes.push(hash);
    previousHashes.push(previousHash);
    previousHash = hash;
  }
  const single = events.length === 1;
  const newStream = head === null;
  const values: unknown[] = [streamId, head ? head.revision.toString() : null, head ? head.hash : ''];
  if (single) values.push(revisions[0], ids[0], types[0], data[0], metadata[0], hashes[0]);
  else values.push(revisions, ids, types, data, metadata, hashes, previousHashes);
  const { rows } = await ctx.pool.query<{ global_position: string; transaction_id: string }>({
    name: `es_append${single ? '1' : 'n'}${newStream ? '_new' : ''}`,
    text: appendSql(single, newStream),
    values,
  });
  const row = rows[rows.length - 1];
  if (!row) return undefined;
  ctx.notifier?.poke(types);
  ctx.heads.offer(streamId, { revision, hash: previousHash });
  return {
    nextRevision: revision,
    position: toPosition({ transactionId: BigInt(row.transaction_id), globalPosition: BigInt(row.global_position) }),
  };
}

/**
 * The expectation does not hold (or an event id is already stored). Either this is a retry
 * of an append that already happened (same ids, consecutive, right after the expected
 * revision) → its original result; or a real conflict.
 */
async function resolveConflict(
  ctx: AppendContext,
  streamId: string,
  events: EventData[],
  expected: ExpectedRevision,
  head: StreamHead | null,
  duplicateId = false,
): Promise<AppendResult> {
  const ids = events.map((e) => e.id.toLowerCase());
  const { rows } = await ctx.pool.query<{ stream_id: string; revision: string; event_id: string; global_position: string; transaction_id: string }>({
    name: 'es_find_event_ids',
    text: `SELECT stream_id, revision::text AS revision, event_id::text AS event_id,
             global_position::text AS global_position, transaction_id::text AS transaction_id
           FROM events WHERE event_id = ANY($1::uuid[])`,
    values: [ids],
  });
  if (rows.length === ids.length && rows.every((r) => r.stream_id === streamId)) {
    const byId = new Map(rows.map((r) => [r.event_id, r]));
    const ordered = ids.map((id) => byId.get(id)!);
    const first = BigInt(ordered[0]!.revision);
    const consecutive = ordered.every((r, i) => BigInt(r.revision) === first + BigInt(i));
    const expectedFirst = typeof expected === 'bigint' ? expected + 1n : expected === 'no_stream' ? 0n : first;
    if (consecutive && first === expectedFirst && (expected !== 'stream_exists' || first > 0n)) {
      const last = ordered[ordered.length - 1]!;
      return {
        nextRevision: BigInt(last.revision),
        position: toPosition({ transactionId: BigInt(last.transaction_id), globalPosition: BigInt(last.global_position) }),
      };
    }
  }
  if (duplicateId && satisfies(expected, head) && rows.length > 0) {
    throw new DuplicateEventIdError(
      streamId,
      rows.map((r) => r.event_id),
    );
  }
  throw new WrongExpectedVersionError(streamId, expected, head?.revision);
}
