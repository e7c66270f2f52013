import { createTestDatabase } from '../../../test/support/test-database.js';
import { sql } from 'kysely';
import { generationRegistry } from './generation-registry.js';
import { ProjectionRunner, type ProjectionRunnerOptions } from './projection-runner.js';
import type { Projector } from './projector.js';
import type { RebuildProgress } from './rebuild-progress.js';
import { OutdatedProjectorError, RebuildInProgressError } from './errors.js';
import { counts, event, expectedCounts, useEngine, recordingLogger, streamCounter, waitFor, type EngineKit } from './testing/engine-test-kit.js';

// Replays of thousands of events: on a loaded CI runner (load 19 and more) the first test took
// 146 s. The bounds (300 s here, waitFor's 120 s) catch a hang, not a slow machine.
describe('Rebuild, blue/green (real PostgreSQL)', () => {
  const engine = useEngine(createTestDatabase, { batchSize: 100 });
  let kit: EngineKit;
  const appended: Array<{ stream: string }> = [];

  beforeAll(async () => {
    kit = engine.kit;
    // A log worth replaying: 4 000 matching events over 40 streams, plus noise.
    for (let s = 0; s < 40; s++) await append(`counter-${s}`, 100);
    await append('other-1', 200);
  }, 300_000);

  async function append(stream: string, n: number): Promise<void> {
    await kit.store.append(
      stream,
      Array.from({ length: n }, () => event('Tick')),
      { expectedRevision: 'any' },
    );
    for (let i = 0; i < n; i++) appended.push({ stream });
  }

  const runner = (projector: Projector, over: Partial<ProjectionRunnerOptions> = {}): ProjectionRunner => engine.runner(projector, over);

  const caughtUp = async (r: ProjectionRunner) => (await r.health())[0]!.lagEvents === 0;

  const physicalTables = async (): Promise<string[]> => {
    const { rows } = await sql<{ table_name: string }>`
      SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'stream_counts__g%' ORDER BY table_name`.execute(kit.db);
    return rows.map((r) => r.table_name);
  };

  it('rebuilds under live appends, from another runner than the leader, and ends with the rows of a straight run', async () => {
    const live = runner(streamCounter());
    live.start();
    await waitFor('first generation', () => caughtUp(live));
    expect(await counts(kit.db)).toEqual(expectedCounts(appended));

    // Appends keep coming while the rebuild replays and switches.
    let appending = true;
    const appender = (async () => {
      let i = 0;
      while (appending) {
        await append(`counter-${i % 45}`, 1 + (i % 3));
        i += 1;
        await new Promise((r) => setTimeout(r, 20)); // paced: live traffic, not a load that starves the rebuild of CPU
      }
    })();

    const progress: RebuildProgress[] = [];
    const cli = runner(streamCounter()); // not started: like `ardoise rebuild` in its own process
    const activated = await cli.rebuild('stream-counter', (p) => progress.push(p));
    appending = false;
    await appender;

    expect(activated).toMatchObject({ generation: 2, status: 'active', version: 1 });
    await waitFor('live runner on generation 2', () => caughtUp(live));
    expect(await counts(kit.db)).toEqual(expectedCounts(appended));

    const generations = await generationRegistry.all(kit.db, 'stream-counter');
    expect(generations.map((g) => [g.generation, g.status])).toEqual([
      [1, 'retired'],
      [2, 'active'],
    ]);
    expect(generations[1]!.eventsApplied).toBe(appended.filter((a) => a.stream.startsWith('counter-')).length);
    expect(await physicalTables()).toEqual(['stream_counts__g2']);

    expect(progress[0]!.phase).toBe('replaying');
    expect(progress.at(-1)!.phase).toBe('done');
    expect(progress.some((p) => p.phase === 'switching')).toBe(true);
    const last = progress.at(-1)!;
    expect(last.eventsApplied).toBeGreaterThanOrEqual(4000);
    expect(last.estimatedTotal).toBeGreaterThanOrEqual(last.eventsApplied);
    expect(last.eventsPerSecond).toBeGreaterThan(0);
  }, 300_000);

  it('refuses a second rebuild of the same projection while one runs', async () => {
    const a = runner(streamCounter());
    const b = runner(streamCounter());
    const first = a.rebuild('stream-counter');
    await waitFor('the first rebuild to build', async () => (await generationRegistry.building(kit.db, 'stream-counter')) !== undefined);
    await expect(b.rebuild('stream-counter')).rejects.toBeInstanceOf(RebuildInProgressError);
    await first;
    expect(await counts(kit.db)).toEqual(expectedCounts(appended));
  }, 300_000);

  it('resumes an interrupted rebuild from its own checkpoint', async () => {
    const r = runner(streamCounter());
    const controller = new AbortController();
    const interrupted = r.rebuild(
      'stream-counter',
      (p) => {
        if (p.eventsApplied >= 1000) controller.abort();
      },
      { signal: controller.signal },
    );
    await expect(interrupted).rejects.toThrow();
    const building = (await generationRegistry.building(kit.db, 'stream-counter'))!;
    expect(building.eventsApplied).toBeGreaterThanOrEqual(1000);

    const progress: RebuildProgress[] = [];
    const activated = await r.rebuild('stream-counter', (p) => progress.push(p));
    expect(activated.generation).toBe(building.generation);
    expect(progress[0]!.eventsApplied).toBe(building.eventsApplied);
    expect(await counts(kit.db)).toEqual(expectedCounts(appended));
  }, 300_000);

  it('rebuilds on start when the projector version changed, serving the old generation meanwhile', async () => {
    const before = (await generationRegistry.active(kit.db, 'stream-counter'))!;
    const v2 = runner(streamCounter({ version: 2, withLastType: true }));
    v2.start();
    await waitFor('version 2 active', async () => (await generationRegistry.active(kit.db, 'stream-counter'))?.version === 2);
    await waitFor('caught up', () => caughtUp(v2));
    const active = (await generationRegistry.active(kit.db, 'stream-counter'))!;
    expect(active.generation).toBe(before.generation + 1);
    expect(await counts(kit.db)).toEqual(expectedCounts(appended));
    const { rows } = await sql<{ last_type: string }>`SELECT DISTINCT last_type FROM stream_counts`.execute(kit.db);
    expect(rows).toEqual([{ last_type: 'Tick' }]);
    expect(await physicalTables()).toEqual([`stream_counts__g${active.generation}`]);
    await waitFor('ok', async () => (await v2.health())[0]!.status === 'ok');

    // A process still on version 1 (rolling deploy) never rebuilds back to it.
    await v2.stop();
    const logger = recordingLogger();
    const old = runner(streamCounter({ version: 1 }), { logger });
    await expect(old.rebuild('stream-counter')).rejects.toBeInstanceOf(OutdatedProjectorError);
    old.start();
    await waitFor('the outdated runner to stand down', () => logger.entries.some((e) => e.message.includes('outdated')));
    expect((await generationRegistry.active(kit.db, 'stream-counter'))!.generation).toBe(active.generation);
    expect(await generationRegistry.building(kit.db, 'stream-counter')).toBeUndefined();
  }, 300_000);
  it('rebuildAll reads the log once for every projection: each gets its own events, and every checkpoint ends where the read stopped', async () => {
    const others: Projector = {
      name: 'other-counter',
      version: 1,
      filter: { streamPrefixes: ['other-'] },
      tables: [
        {
          name: 'other_counts',
          create: (db, t) => sql`CREATE TABLE ${sql.table(t)} (stream_id text PRIMARY KEY, events integer NOT NULL)`.execute(db).then(() => undefined),
        },
      ],
      async apply(e, trx, tables) {
        await sql`INSERT INTO ${sql.table(tables.other_counts!)} VALUES (${e.streamId}, 1) ON CONFLICT (stream_id) DO UPDATE SET events = ${sql.table(tables.other_counts!)}.events + 1`.execute(
          trx,
        );
      },
    };
    await append('other-2', 3);
    await append('counter-0', 2); // the log ends with an event 'other-counter' does not read (stream-counter: version 3, after the specs above)
    let reads = 0;
    const readAll = kit.store.readAll.bind(kit.store);
    kit.store.readAll = (options) => ((reads += 1), readAll(options));
    try {
      const both = engine.runner([streamCounter({ version: 3 }), others], { rebuildBatchSize: 1000 });
      const generations = await both.rebuildAll({ concurrency: 2 });
      expect(generations.map((g) => g.status)).toEqual(['active', 'active']);
      expect(await counts(kit.db)).toEqual(expectedCounts(appended));
      const { rows } = await sql<{ stream_id: string; events: number }>`SELECT stream_id, events FROM other_counts ORDER BY stream_id`.execute(kit.db);
      expect(Object.fromEntries(rows.map((r) => [r.stream_id, r.events]))).toEqual({ 'other-1': 200, 'other-2': 3 });
      const last = [];
      for await (const e of readAll({ direction: 'backwards', maxCount: 1 })) last.push(kit.store.positions.encode(e.position));
      expect(generations.map((g) => g.position)).toEqual([last[0], last[0]]);
      // ~4,200 events in pages of 1,000, read once for both; then each one's short catch-up, switch checks.
      expect(reads).toBeLessThan(15);
    } finally {
      kit.store.readAll = readAll;
    }
  }, 300_000);
});
