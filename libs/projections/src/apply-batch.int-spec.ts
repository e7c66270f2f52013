import { sql } from 'kysely';
import type { RecordedEvent } from '#ardoise/event-store';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { applyBatch } from './apply-batch.js';
import { GenerationChangedError, ProjectionHandlerError } from './errors.js';
import { generationRegistry } from './generation-registry.js';
import { ProjectionRunner } from './projection-runner.js';
import { counts, event, openEngine, recordingLogger, streamCounter, type EngineKit } from './testing/engine-test-kit.js';

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

  const readEvents = async (): Promise<RecordedEvent[]> => {
    const out: RecordedEvent[] = [];
    for await (const e of kit.store.readAll({ filter: projector.filter })) out.push(e);
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

  it('reads through a view onto the generation table', async () => {
    const { rows } = await sql<{ table_type: string; table_name: string }>`
      SELECT table_name, table_type FROM information_schema.tables WHERE table_name LIKE 'stream_counts%' ORDER BY table_name`.execute(kit.db);
    expect(rows).toEqual([
      { table_name: 'stream_counts', table_type: 'VIEW' },
      { table_name: 'stream_counts__g1', table_type: 'BASE TABLE' },
    ]);
  });
});
