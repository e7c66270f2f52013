import { createTestDatabase } from '../../../test/support/test-database.js';
import { sql } from 'kysely';
import type { Projector } from './projector.js';
import { RowSet } from './row-set.js';
import { foldEach } from './apply-batch.js';
import { counts, event, expectedCounts, useEngine, streamCounter, waitFor, type EngineKit } from './testing/engine-test-kit.js';

/**
 * A batch projector: counts events per stream (deliberately not idempotent: +1 by delta),
 * remembers the last day seen per stream (a date column through JSON), refuses 'Poison'
 * while folding, and fails while writing when a 'Bad' event made a row break a CHECK.
 */
function batchCounter(calls: number[], name = 'batch-counter', table = 'batch_counts', prefix = 'counter-'): Projector {
  return {
    name,
    version: 1,
    filter: { streamPrefixes: [prefix] },
    tables: [
      {
        name: table,
        async create(db, t) {
          await sql`CREATE TABLE ${sql.table(t)} (stream_id text, day date, events integer NOT NULL CHECK (events < 1000), PRIMARY KEY (stream_id, day))`.execute(
            db,
          );
        },
        async indexes(db, t) {
          await sql`CREATE INDEX IF NOT EXISTS ${sql.id(`${t}_events_idx`)} ON ${sql.table(t)} (events)`.execute(db);
        },
      },
    ],
    async applyBatch(events, trx, tables, context) {
      calls.push(events.length);
      const rows = new RowSet(trx, { table: tables[table]!, key: ['stream_id', 'day'], defaults: { events: 0 } }, context);
      const key = (e: (typeof events)[number]) => ({ stream_id: e.streamId, day: (e.data as { day?: string }).day ?? '2026-09-01' });
      await rows.load(events.map(key));
      foldEach(name, events, (e) => {
        if (e.type === 'Poison') throw new Error('refusing Poison');
        const row = rows.upsert(key(e), {});
        row.events = Number(row.events) + (e.type === 'Bad' ? 5000 : 1);
      });
      await rows.flush();
    },
  };
}

describe('batch projectors (real PostgreSQL)', () => {
  const engine = useEngine(createTestDatabase, { backoff: { initialMs: 50, maxMs: 200 } });
  let kit: EngineKit;
  beforeAll(() => {
    kit = engine.kit;
  });
  const runner = (projectors: Projector[]) => engine.runner(projectors);
  const batchCounts = async () => {
    const { rows } = await sql<{
      stream_id: string;
      day: string;
      events: number;
    }>`SELECT stream_id, to_char(day, 'YYYY-MM-DD') AS day, events FROM batch_counts ORDER BY 1, 2`.execute(kit.db);
    return rows;
  };

  it('hands whole batches to applyBatch, writes each row once, keeps dates exact, builds secondary indexes at the end', async () => {
    await kit.store.append(
      'counter-a',
      Array.from({ length: 300 }, (_, i) => event('Tick', { day: i % 2 ? '2026-09-01' : '2026-09-02' })),
      { expectedRevision: 'any' },
    );
    await kit.store.append(
      'counter-b',
      Array.from({ length: 200 }, () => event('Tick', {})),
      { expectedRevision: 'any' },
    );
    const calls: number[] = [];
    const r = runner([batchCounter(calls)]);
    await r.rebuild('batch-counter');
    expect(calls.length).toBe(1); // 500 events, one batch of the rebuild
    expect(await batchCounts()).toEqual([
      { stream_id: 'counter-a', day: '2026-09-01', events: 150 },
      { stream_id: 'counter-a', day: '2026-09-02', events: 150 },
      { stream_id: 'counter-b', day: '2026-09-01', events: 200 },
    ]);
    const { rows } = await sql<{ indexname: string }>`SELECT indexname FROM pg_indexes WHERE indexname LIKE 'batch_counts__g%_events_idx'`.execute(kit.db);
    expect(rows).toHaveLength(1);

    // Live: later batches add by delta onto the loaded rows.
    r.start();
    await kit.store.append(
      'counter-a',
      Array.from({ length: 7 }, () => event('Tick', { day: '2026-09-01' })),
      { expectedRevision: 'any' },
    );
    await waitFor('the live batch', async () => (await batchCounts())[0]!.events === 157);
  }, 60_000);

  it('a failing batch stalls only its projection; health names the event (id, type, position) and the error; the events before it are applied', async () => {
    const calls: number[] = [];
    const counter = streamCounter();
    const r = runner([batchCounter(calls), counter]);
    r.start();
    await waitFor('both caught up', async () => (await r.health()).every((h) => h.lagEvents === 0 && h.heartbeatAt !== null));
    const before = (await batchCounts()).find((x) => x.stream_id === 'counter-c')?.events ?? 0;

    // 'Bad' breaks the CHECK only when the rows are written: the engine must find it alone.
    const bad = event('Bad', {});
    await kit.store.append('counter-c', [event('Tick', {}), event('Tick', {}), bad, event('Tick', {})], { expectedRevision: 'any' });
    await waitFor('the error in health', async () => !!(await r.health()).find((h) => h.name === 'batch-counter')?.error?.event);
    const health = (await r.health()).find((h) => h.name === 'batch-counter')!;
    expect(health.status).toBe('degraded');
    expect(health.error!.event).toMatchObject({ id: bad.id, type: 'Bad', streamId: 'counter-c' });
    expect(typeof health.error!.event!.position).toBe('string');
    expect(health.error!.message).toMatch(/check constraint|23514/);
    expect(JSON.stringify(health)).not.toContain('"day"'); // never the event's data
    await waitFor('the two events before it applied', async () => (await batchCounts()).find((x) => x.stream_id === 'counter-c')?.events === before + 2);

    // The other projection is not held back.
    await waitFor('the other projection caught up', async () => (await r.health()).find((h) => h.name === 'stream-counter')!.lagEvents === 0);
    expect((await counts(kit.db))['counter-c']).toBe(
      expectedCounts([{ stream: 'counter-c' }, { stream: 'counter-c' }, { stream: 'counter-c' }, { stream: 'counter-c' }])['counter-c'],
    );
  }, 60_000);

  it('a rebuild from zero loads only the keys its earlier batches wrote, and counts across batches exactly', async () => {
    await kit.store.append(
      'across-a',
      Array.from({ length: 250 }, (_, i) => event('Tick', { day: `2026-09-0${1 + (i % 3)}` })),
      { expectedRevision: 'any' },
    );
    await kit.store.append(
      'across-b',
      Array.from({ length: 120 }, (_, i) => event('Tick', { day: i < 60 ? '2026-09-01' : '2026-09-09' })),
      { expectedRevision: 'any' },
    );
    const calls: number[] = [];
    const r = engine.runner([batchCounter(calls, 'batch-counter-three', 'batch_counts_three', 'across-')], { rebuildBatchSize: 100 });
    await r.rebuildAll();
    await r.rebuildAll(); // and again, into a second generation started empty
    expect(calls.length).toBe(8); // 370 events, 4 batches per rebuild: rows of a batch grow in the next ones
    const { rows } = await sql<{ stream_id: string; day: string; events: number }>`
      SELECT stream_id, to_char(day, 'YYYY-MM-DD') AS day, events FROM batch_counts_three ORDER BY 1, 2`.execute(kit.db);
    expect(rows).toEqual([
      { stream_id: 'across-a', day: '2026-09-01', events: 84 },
      { stream_id: 'across-a', day: '2026-09-02', events: 83 },
      { stream_id: 'across-a', day: '2026-09-03', events: 83 },
      { stream_id: 'across-b', day: '2026-09-01', events: 60 },
      { stream_id: 'across-b', day: '2026-09-09', events: 60 },
    ]);
  }, 60_000);

  it('an error while folding names its event at once', async () => {
    const calls: number[] = [];
    const r = runner([batchCounter(calls, 'batch-counter-two', 'batch_counts_two', 'poison-')]);
    const poison = event('Poison', {});
    await kit.store.append('poison-p', [event('Tick', {}), poison], { expectedRevision: 'any' });
    await expect(r.rebuild('batch-counter-two')).rejects.toThrow(new RegExp(`${poison.id} \\(Poison\\).*refusing Poison`));
  }, 60_000);
});
