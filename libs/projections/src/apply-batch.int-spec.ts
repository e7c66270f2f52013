import { sql } from 'kysely';
import { currentCut, toPgPosition, type RecordedEvent } from '#ardoise/event-store';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { applyBatch } from './apply-batch.js';
import { GenerationChangedError, ProjectionHandlerError } from './errors.js';
import { generationRegistry } from './generation-registry.js';
import { ProjectionRunner } from './projection-runner.js';
import { counts, event, openEngine, recordingLogger, streamCounter, waitFor, type EngineKit } from './testing/engine-test-kit.js';
import type { Projector } from './projector.js';

describe('applyBatch (real PostgreSQL)', () => {
  let database: TestDatabase;
  let kit: EngineKit;
  let failing = true;
  const projector = streamCounter({ failOn: (e) => failing && e.type === 'Boom' });

  beforeAll(async () => {
    database = await createTestDatabase();
    kit = await openEngine(database.url);
    // An empty log: the rebuild creates generation 1, active, checkpoint at the start.
    const runner = new ProjectionRunner({ pool: kit.pool, db: kit.db, store: kit.store, projectors: [projector], logger: recordingLogger() });
    await runner.rebuild(projector.name);
    await runner.stop();
  }, 60_000);

  afterAll(async () => {
    await kit.close();
    await database.drop();
  }, 60_000);

  const readEvents = async (after?: string | null): Promise<RecordedEvent[]> => {
    const out: RecordedEvent[] = [];
    const fromPosition = after ? kit.store.positions.decode(after) : undefined;
    for await (const e of kit.store.readAll({ filter: projector.filter, fromPosition })) out.push(e);
    return out;
  };

  it('commits the writes and the checkpoint together, or neither', async () => {
    await kit.store.append('counter-a', [event('Tick'), event('Tick')], { expectedRevision: 'no_stream' });
    await kit.store.append('counter-b', [event('Boom', { note: 'x' })], { expectedRevision: 'no_stream' });
    await kit.store.append('counter-c', [event('Tick')], { expectedRevision: 'no_stream' });
    const events = await readEvents();
    expect(events.map((e) => e.type)).toEqual(['Tick', 'Tick', 'Boom', 'Tick']);
    const generation = (await generationRegistry.active(kit.db, projector.name))!;
    expect(generation.position).toBeNull();
    const target = { projector, generation, expectedStatus: 'active' as const, expectedPosition: null };

    // The handler throws on the third event of the batch: nothing of the batch remains.
    const failure = await applyBatch(kit.db, kit.store.positions, target, events).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ProjectionHandlerError);
    expect(failure).toMatchObject({ eventId: events[2]!.id, eventType: 'Boom', streamId: 'counter-b' });
    expect(await counts(kit.db)).toEqual({});
    const after = (await generationRegistry.active(kit.db, projector.name))!;
    expect(after.position).toBeNull();
    expect(after.eventsApplied).toBe(0);

    // Once the handler works, the same batch applies once, with its checkpoint.
    failing = false;
    const position = await applyBatch(kit.db, kit.store.positions, target, events);
    expect(position).toBe(kit.store.positions.encode(events[3]!.position));
    expect(await counts(kit.db)).toEqual({ 'counter-a': 2, 'counter-b': 1, 'counter-c': 1 });
    const done = (await generationRegistry.active(kit.db, projector.name))!;
    expect(done.position).toBe(position);
    expect(done.eventsApplied).toBe(4);
  });

  it('refuses a batch whose start is not the stored checkpoint (a second writer), changing nothing', async () => {
    const events = await readEvents();
    const generation = (await generationRegistry.active(kit.db, projector.name))!;
    const stale = { projector, generation, expectedStatus: 'active' as const, expectedPosition: null };
    const failure = await applyBatch(kit.db, kit.store.positions, stale, events).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(GenerationChangedError);
    expect(failure).toMatchObject({ reason: 'checkpoint' });
    expect(await counts(kit.db)).toEqual({ 'counter-a': 2, 'counter-b': 1, 'counter-c': 1 });
  });

  it('two writers claim the same batch at once: the second waits for the first, is refused, and the batch is applied once', async () => {
    const generation = (await generationRegistry.active(kit.db, projector.name))!;
    await kit.store.append('counter-d', [event('Tick')], { expectedRevision: 'no_stream' });
    const events = await readEvents(generation.position);
    expect(events.map((e) => e.streamId)).toEqual(['counter-d']);
    // The first writer stops inside its transaction, after its claim, until released.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let entered = false;
    const held: Projector = {
      ...projector,
      async apply(e, trx, tables) {
        entered = true;
        await released;
        await projector.apply!(e, trx, tables);
      },
    };
    const target = { generation, expectedStatus: 'active' as const, expectedPosition: generation.position };
    const first = applyBatch(kit.db, kit.store.positions, { ...target, projector: held }, events);
    first.catch(() => undefined); // awaited below; a failing assertion must not leave it unhandled
    let second: Promise<unknown> | undefined;
    try {
      await waitFor('the first writer to have claimed the batch', () => entered);

      // Its transaction is marked as never appending: the store's cut does not wait for it.
      const appended = await kit.store.append('counter-e', [event('Tick')], { expectedRevision: 'no_stream' });
      expect((await currentCut(kit.pool)).xmin).toBeGreaterThan(toPgPosition(appended.position).transactionId);

      second = applyBatch(kit.db, kit.store.positions, { ...target, projector }, events).catch((e: unknown) => e);
      await waitFor('the second writer to wait for the registry row', async () => {
        const { rows } = await sql<{ n: number }>`
          SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%projection_generations%'`.execute(kit.db);
        return rows[0]!.n > 0;
      });
    } finally {
      release(); // a failing assertion must not leave the transaction open (the suite's teardown would wait)
    }
    const position = await first;
    expect(position).toBe(kit.store.positions.encode(events[0]!.position));
    expect(await second).toMatchObject({ name: GenerationChangedError.name, reason: 'checkpoint' });
    expect((await counts(kit.db))['counter-d']).toBe(1);
    const after = (await generationRegistry.active(kit.db, projector.name))!;
    expect(after.position).toBe(position);
    expect(after.eventsApplied).toBe(generation.eventsApplied + 1);
  });

  it('refuses a batch for a generation that is not in the status its writer believes (switched) or no longer exists, changing nothing', async () => {
    const generation = (await generationRegistry.active(kit.db, projector.name))!;
    const events = await readEvents(generation.position);
    expect(events.length).toBeGreaterThan(0);
    const before = await counts(kit.db);
    const building = { projector, generation, expectedStatus: 'building' as const, expectedPosition: generation.position };
    expect(await applyBatch(kit.db, kit.store.positions, building, events).catch((e: unknown) => e)).toMatchObject({ reason: 'status' });
    const gone = { ...building, generation: { ...generation, generation: generation.generation + 7 }, expectedStatus: 'active' as const };
    expect(await applyBatch(kit.db, kit.store.positions, gone, events).catch((e: unknown) => e)).toMatchObject({ reason: 'missing' });
    expect(await counts(kit.db)).toEqual(before);
    expect(await generationRegistry.active(kit.db, projector.name)).toEqual(generation);
  });

  it('reads through a view onto the generation table', async () => {
    const { rows } = await sql<{ table_type: string; table_name: string }>`
      SELECT table_name, table_type FROM information_schema.tables WHERE table_name LIKE 'stream_counts%' ORDER BY table_name`.execute(kit.db);
    expect(rows).toEqual([
      { table_name: 'stream_counts', table_type: 'VIEW' },
      { table_name: 'stream_counts__g1', table_type: 'BASE TABLE' },
    ]);
  });
});
