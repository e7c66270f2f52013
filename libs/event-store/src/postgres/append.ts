import type pg from 'pg';
import type { AppendResult, EventData, ExpectedRevision } from '../event-store.port.js';
import { DuplicateEventIdError, WrongExpectedVersionError } from '../errors.js';
import { computeEventHash, toStorableJson } from '../event-hash.js';
import { validateAppend } from '../append-validation.js';
import type { HeadCache, StreamHead } from './head-cache.js';
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
 * The statement then updates the `streams` row ONLY IF it still holds that head
 * (`WHERE revision = $expected AND last_hash = $hash`), and inserts the events from that
 * update's RETURNING: if another writer got there first, the row lock makes us wait for it,
 * re-check the condition against the committed row (READ COMMITTED re-evaluation), match
 * nothing and insert nothing. For a new stream, `INSERT … ON CONFLICT DO NOTHING` on
 * `streams` plays the same role.
 *
 * Only when that returns nothing (a conflict, or a stale/missing cache entry) do we read the
 * head (second round trip), then either retry (the expectation still holds: 'any', or the
 * cache was simply stale), return the original result (an idempotent re-append: the same
 * event ids already follow the expected revision) or throw WrongExpectedVersionError.
 */


const INSERT_EVENTS = `
  ins AS (
    INSERT INTO events (stream_id, revision, event_id, type, data, metadata, hash, previous_hash)
    SELECT $1, e.revision, e.event_id, e.type, e.data, e.metadata, e.hash, e.previous_hash
    FROM head CROSS JOIN unnest($5::bigint[], $6::uuid[], $7::text[], $8::jsonb[], $9::jsonb[], $10::text[], $11::text[])
      WITH ORDINALITY AS e(revision, event_id, type, data, metadata, hash, previous_hash, n)
    ORDER BY e.n
    RETURNING global_position, transaction_id
  )`;

function appendSql(kind: 'new' | 'existing', notifyChannel: string | undefined): string {
  const head =
    kind === 'new'
      ? `head AS (
           INSERT INTO streams (stream_id, revision, last_hash) SELECT $1, $2::bigint, $3
           WHERE $4::bigint IS NULL
           ON CONFLICT (stream_id) DO NOTHING RETURNING 1)`
      : `head AS (
           UPDATE streams SET revision = $2::bigint, last_hash = $3
           WHERE stream_id = $1 AND revision = $4::bigint AND last_hash = $12
           RETURNING 1)`;
  const notify = notifyChannel ? `, pg_notify('${notifyChannel.replace(/'/g, "''")}', '') AS notified` : '';
  return `WITH ${head}, ${INSERT_EVENTS}
    SELECT i.global_position::text AS global_position, i.transaction_id::text AS transaction_id${notify}
    FROM (SELECT global_position, transaction_id FROM ins ORDER BY global_position DESC LIMIT 1) i`;
}

export interface AppendContext {
  pool: pg.Pool;
  heads: HeadCache;
  /** LISTEN/NOTIFY channel to wake subscribers; undefined to not notify (poll only). */
  notifyChannel: string | undefined;
}

const MAX_ATTEMPTS = 20;

export async function appendToStream(
  ctx: AppendContext,
  streamId: string,
  events: EventData[],
  expectedRevision: ExpectedRevision,
): Promise<AppendResult> {
  validateAppend(streamId, events, expectedRevision);
  // undefined: unknown yet; null: the stream does not exist.
  let head: StreamHead | null | undefined =
    expectedRevision === 'no_stream' ? null : ctx.heads.get(streamId);
  if (typeof expectedRevision === 'bigint' && head && head.revision !== expectedRevision) head = undefined;
  let fresh = false;

  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    if (head === undefined) {
      head = await readHead(ctx.pool, streamId);
      fresh = true;
      if (!satisfies(expectedRevision, head)) {
        return resolveConflict(ctx, streamId, events, expectedRevision, head);
      }
    }
    let result: AppendResult | undefined;
    try {
      result = await tryAppend(ctx, streamId, events, head);
    } catch (error) {
      if ((error as { code?: string; constraint?: string }).constraint === 'events_event_id_key') {
        return resolveConflict(ctx, streamId, events, expectedRevision, fresh ? head : await readHead(ctx.pool, streamId), true);
      }
      throw error;
    }
    if (result) return result;
    // Another writer moved the stream, or our cached head was stale: look again.
    ctx.heads.forget(streamId);
    head = undefined;
  }
  throw new Error(`append to ${streamId}: gave up after ${MAX_ATTEMPTS} attempts under contention`);
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
    text: 'SELECT revision::text AS revision, last_hash FROM streams WHERE stream_id = $1',
    values: [streamId],
  });
  return rows[0] ? { revision: BigInt(rows[0].revision), hash: rows[0].last_hash } : null;
}

/** One statement: conditional head update + insert + notify. Undefined when the head moved. */
async function tryAppend(
  ctx: AppendContext,
  streamId: string,
  events: EventData[],
  head: StreamHead | null,
): Promise<AppendResult | undefined> {
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
  const kind = head ? 'existing' : 'new';
  const values: unknown[] = [
    streamId,
    revision.toString(),
    previousHash,
    head ? head.revision.toString() : null,
    revisions,
    ids,
    types,
    data,
    metadata,
    hashes,
    previousHashes,
  ];
  if (head) values.push(head.hash);
  const { rows } = await ctx.pool.query<{ global_position: string; transaction_id: string }>({
    name: `es_append_${kind}${ctx.notifyChannel ? '_notify' : ''}`,
    text: appendSql(kind, ctx.notifyChannel),
    values,
  });
  const row = rows[0];
  if (!row) return undefined;
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
    throw new DuplicateEventIdError(streamId, rows.map((r) => r.event_id));
  }
  throw new WrongExpectedVersionError(streamId, expected, head?.revision);
}
