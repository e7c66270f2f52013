import { createTestDatabase } from '../../../test/support/test-database.js';
import { sql } from 'kysely';
import type { Projector } from './projector.js';
import { RowSet } from './row-set.js';
import { foldEach } from './apply-batch.js';
import { copyText } from './bulk-insert.js';
import { generationRegistry } from './generation-registry.js';
import { event, useEngine, waitFor } from './testing/engine-test-kit.js';

/**
 * A batch projector whose rows hold what COPY's text must carry exactly: text with tabs,
 * newlines, backslashes and `\N`, nulls, booleans, bigints, dates and timestamps; and a
 * second table with a jsonb and an array column (written through the upsert, never COPY).
 * Each event of stream `s` sets row `s`; a 'Note' event also adds to a counter by delta.
 */
function noteTaker(seen: { bulk: number; batches: number }, failOnce?: { batch: number; done: boolean }): Projector {
  let batch = 0;
  return {
    name: 'note-taker',
    version: 1,
    filter: { streamPrefixes: ['note-'] },
    tables: [
      {
        name: 'notes',
        async create(db, t) {
          await sql`CREATE TABLE ${sql.table(t)} (stream_id text PRIMARY KEY, body text, flag boolean NOT NULL DEFAULT false, total bigint NOT NULL,
            day date, at timestamptz, events integer NOT NULL)`.execute(db);
        },
      },
      {
        name: 'note_shapes',
        async create(db, t) {
          await sql`CREATE TABLE ${sql.table(t)} (stream_id text PRIMARY KEY, shape jsonb, tags text[])`.execute(db);
        },
      },
    ],
    async applyBatch(events, trx, tables, context) {
      batch += 1;
      seen.batches += 1;
      if (context.bulk) seen.bulk += 1;
      const notes = new RowSet(
        trx,
        { table: tables.notes!, key: ['stream_id'], defaults: { body: null, flag: false, total: 0, day: null, at: null, events: 0 } },
        context,
      );
      const shapes = new RowSet(trx, { table: tables.note_shapes!, key: ['stream_id'], defaults: { shape: null, tags: null } }, context);
      await notes.load(events.map((e) => ({ stream_id: e.streamId })));
      await shapes.load(events.map((e) => ({ stream_id: e.streamId })));
      foldEach('note-taker', events, (e) => {
        const d = e.data as { body?: string | null; n: number };
        const row = notes.upsert({ stream_id: e.streamId }, {});
        row.events = Number(row.events) + 1;
        row.total = String(BigInt(String(row.total)) + 4_294_967_297n * BigInt(d.n)); // beyond 2^32 (below 2^53: a loaded row's bigint comes back as a JSON number)
        row.body = d.body ?? null;
        row.flag = d.n % 2 === 1;
        row.day = `2026-09-${String(1 + (d.n % 28)).padStart(2, '0')}`;
        row.at = e.metadata.occurredAt;
        shapes.upsert({ stream_id: e.streamId }, { shape: { n: d.n, body: d.body ?? null }, tags: [`n${d.n}`, 'a\tb'] });
      });
      await notes.flush();
      await shapes.flush();
      if (failOnce && !failOnce.done && batch === failOnce.batch) {
        failOnce.done = true;
        throw new Error('lost after the writes'); // rolled back: its COPY included
      }
    },
  };
}

const BODIES = ['plain', 'tab\there', 'line\nbreak\r\nand back', 'back\\slash \\N not null', '\\N', '', null, 'accents éà — 😀'];

describe('rebuilds insert new rows by COPY (real PostgreSQL)', () => {
  const engine = useEngine(createTestDatabase, { batchSize: 50, rebuildBatchSize: 100, backoff: { initialMs: 50, maxMs: 200 } });
  const runner = (projector: Projector) => engine.runner(projector);

  const snapshot = async () => {
    const { rows: notes } = await sql`SELECT * FROM notes ORDER BY stream_id`.execute(engine.kit.db);
    const { rows: shapes } = await sql`SELECT * FROM note_shapes ORDER BY stream_id`.execute(engine.kit.db);
    return { notes, shapes };
  };

  let live: Awaited<ReturnType<typeof snapshot>>;

  it('gives the same rows as the live projection, whose batches never COPY', async () => {
    const seen = { bulk: 0, batches: 0 };
    const r = runner(noteTaker(seen));
    r.start(); // on an empty log: it then follows the appends in live batches
    await waitFor('the first generation', async () => (await generationRegistry.active(engine.kit.db, 'note-taker')) !== undefined);
    expect(seen.batches).toBe(0);
    // 40 streams × 30 events: each row is created in one batch and changed in later ones.
    for (let round = 0; round < 30; round++) {
      for (let s = 0; s < 40; s++) {
        await engine.kit.store.append(`note-${s}`, [event('Note', { body: BODIES[(s + round) % BODIES.length], n: round * 40 + s })], {
          expectedRevision: 'any',
        });
      }
    }
    await waitFor('caught up', async () => (await r.health())[0]!.lagEvents === 0 && (await r.health())[0]!.heartbeatAt !== null);
    await r.stop();
    live = await snapshot();
    expect(live.notes).toHaveLength(40);
    expect(live.notes.map((n) => (n as { body: unknown }).body)).toEqual(expect.arrayContaining(BODIES));
    expect(seen.bulk).toBe(0);

    const rebuilt = { bulk: 0, batches: 0 };
    await runner(noteTaker(rebuilt)).rebuildAll();
    expect(rebuilt.batches).toBe(12); // 1,200 events in batches of 100
    expect(rebuilt.bulk).toBe(12);
    expect(await snapshot()).toEqual(live);
  }, 300_000);

  it('a batch rolled back after its COPY, then applied again, and an interrupted rebuild resumed (no COPY) end equal', async () => {
    const seen = { bulk: 0, batches: 0 };
    const failOnce = { batch: 1, done: false };
    await runner(noteTaker(seen, failOnce)).rebuildAll(); // the first batch's rows are then known written, but are not
    expect(failOnce.done).toBe(true);
    expect(await snapshot()).toEqual(live);

    const controller = new AbortController();
    const interrupted = { bulk: 0, batches: 0 };
    await expect(
      runner(noteTaker(interrupted)).rebuild('note-taker', (p) => (p.eventsApplied >= 500 ? controller.abort() : undefined), { signal: controller.signal }),
    ).rejects.toThrow();
    expect(interrupted.bulk).toBeGreaterThan(0);
    const resumed = { bulk: 0, batches: 0 };
    await runner(noteTaker(resumed)).rebuild('note-taker');
    expect(resumed.batches).toBeGreaterThan(0);
    expect(resumed.bulk).toBe(0); // resumed: the rows written before the crash are not known here
    expect(await snapshot()).toEqual(live);
  }, 300_000);

  it('writes COPY text: tabs, newlines, backslashes escaped, \\N for null, dates as ISO', () => {
    expect(
      copyText(
        [
          { a: 'x\ty\nz\\', b: null, c: true, d: 12, e: new Date('2026-09-01T10:00:00Z') },
          { a: '\\N', b: undefined, c: false, d: Number.NaN, e: 5n },
        ],
        ['a', 'b', 'c', 'd', 'e'],
      ),
    ).toBe('x\\ty\\nz\\\\\t\\N\tt\t12\t2026-09-01T10:00:00.000Z\n\\\\N\t\\N\tf\t\\N\t5\n');
  });
});
