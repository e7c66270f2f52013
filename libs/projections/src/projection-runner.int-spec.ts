import { createTestDatabase } from '../../../test/support/test-database.js';
import { sql } from 'kysely';
import type { Position } from '#ardoise/event-store';
import { generationRegistry } from './generation-registry.js';
import { ProjectionRunner, type ProjectionRunnerOptions } from './projection-runner.js';
import type { Projector } from './projector.js';
import { counts, event, expectedCounts, recordingLogger, useEngine, streamCounter, waitFor, type EngineKit } from './testing/engine-test-kit.js';

describe('ProjectionRunner (real PostgreSQL)', () => {
  const engine = useEngine(createTestDatabase);
  let kit: EngineKit;
  beforeAll(() => {
    kit = engine.kit;
  });
  const appended: Array<{ stream: string }> = [];

  const runner = (projector: Projector, over: Partial<ProjectionRunnerOptions> = {}): ProjectionRunner => engine.runner(projector, over);

  const append = async (stream: string, n: number, type = 'Tick', data: Record<string, unknown> = {}) => {
    await kit.store.append(
      stream,
      Array.from({ length: n }, () => event(type, data)),
      { expectedRevision: 'any' },
    );
    for (let i = 0; i < n; i++) appended.push({ stream });
  };

  const caughtUp = async (r: ProjectionRunner) => {
    const [h] = await r.health();
    return h!.lagEvents === 0 && h!.heartbeatAt !== null;
  };

  it('builds the first generation, follows live appends, reports lag, and resumes after a restart without applying anything twice', async () => {
    await append('counter-1', 30);
    await append('other-1', 5); // not matched by the filter
    await append('counter-2', 20);

    const first = runner(streamCounter());
    const [before] = await first.health();
    expect(before).toMatchObject({ name: 'stream-counter', lagEvents: 50, heartbeatAt: null, status: 'down' });
    expect(before!.lagSeconds).toBeGreaterThanOrEqual(0);

    first.start();
    await waitFor('first catch-up', () => caughtUp(first));
    expect(await counts(kit.db)).toEqual(expectedCounts(appended));

    await append('counter-3', 7); // live
    await waitFor('live events', async () => (await counts(kit.db))['counter-3'] === 7);
    const [live] = await first.health();
    expect(live).toMatchObject({ lagEvents: 0, lagSeconds: 0, status: 'ok' });
    await first.stop();

    // While nobody runs it, the lag grows.
    await append('counter-1', 11);
    await append('counter-4', 4);
    const idle = runner(streamCounter());
    const [lagging] = await idle.health();
    expect(lagging!.lagEvents).toBe(15);

    idle.start();
    await waitFor('catch-up after restart', () => caughtUp(idle));
    expect(await counts(kit.db)).toEqual(expectedCounts(appended));
    const active = (await generationRegistry.active(kit.db, 'stream-counter'))!;
    expect(active.eventsApplied).toBe(appended.filter((a) => a.stream.startsWith('counter-')).length);
  });

  it('leaves no timer behind once a position is passed (a long wait must not keep a process alive)', async () => {
    await append('counter-9', 3);
    const r = runner(streamCounter());
    r.start();
    await waitFor('catch-up', () => caughtUp(r));
    let last: Position | undefined;
    for await (const e of kit.store.readAll({ direction: 'backwards', maxCount: 1 })) last = e.position;
    const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    await r.stop();
    const before = timers();
    expect(await r.waitForPosition(kit.store.positions.encode(last!), { timeoutMs: 60 * 60_000 })).toEqual([]);
    expect(timers()).toBeLessThanOrEqual(before);
  });

  it('lets only one of two runners apply, and the standby takes over when the leader stops', async () => {
    const p1 = streamCounter();
    const p2 = streamCounter();
    const r1 = runner(p1);
    const r2 = runner(p2);
    r1.start();
    await waitFor('r1 to lead', () => r1.isLeader('stream-counter'));
    r2.start();
    await new Promise((r) => setTimeout(r, 300)); // several standby retries
    expect(r2.isLeader('stream-counter')).toBe(false);

    await append('counter-5', 25);
    await waitFor('r1 applies', () => caughtUp(r1));
    expect(p1.applied).toBe(25);
    expect(p2.applied).toBe(0);
    expect(await counts(kit.db)).toEqual(expectedCounts(appended));

    await r1.stop();
    await waitFor('r2 to take over', () => r2.isLeader('stream-counter'));
    await append('counter-5', 5);
    await waitFor('r2 applies', async () => (await counts(kit.db))['counter-5'] === 30);
    expect(p2.applied).toBe(5);
    expect(p1.applied).toBe(25);
    const { rows } = await sql<{ runner_id: string }>`SELECT runner_id FROM projection_runners WHERE projection = 'stream-counter'`.execute(kit.db);
    expect(rows[0]!.runner_id).toBe(r2.runnerId);
  });

  it('takes over when the leader’s session dies (advisory lock released by PostgreSQL)', async () => {
    const p1 = streamCounter();
    const p2 = streamCounter();
    const r1 = runner(p1);
    const r2 = runner(p2);
    r1.start();
    await waitFor('r1 to lead', () => r1.isLeader('stream-counter'));
    r2.start();
    // Kill r1's lock session from the server side, as if its process had died. This database's
    // only: the server is shared with the suites running beside this one (their leaders hold
    // advisory locks too; a rebuild elsewhere once died of this line).
    const killed = await sql`SELECT pg_terminate_backend(l.pid) FROM pg_locks l JOIN pg_database d ON d.oid = l.database
      WHERE l.locktype = 'advisory' AND l.granted AND l.pid <> pg_backend_pid() AND d.datname = current_database()`.execute(kit.db);
    expect(killed.rows.length).toBeGreaterThan(0);
    await waitFor('a leader after the crash', () => r1.isLeader('stream-counter') || r2.isLeader('stream-counter'));
    await append('counter-6', 10);
    await waitFor('caught up after the takeover', async () => (await counts(kit.db))['counter-6'] === 10);
    expect(p1.applied + p2.applied).toBe(10);
    expect(await counts(kit.db)).toEqual(expectedCounts(appended));
  });

  it('logs a failing handler without personal data and retries it until it passes, skipping nothing', async () => {
    let failing = true;
    const logger = recordingLogger();
    const p = streamCounter({ failOn: (e) => failing && e.type === 'Poison' });
    const r = runner(p, { logger });
    r.start();
    await waitFor('leader', () => r.isLeader('stream-counter'));
    await append('counter-7', 2);
    await append('counter-7', 1, 'Poison', { guardianName: 'Dupont Marie' });
    await append('counter-8', 3);
    await waitFor('a logged failure', () => logger.entries.filter((e) => e.level === 'error').length >= 2);
    const errors = logger.entries.filter((e) => e.level === 'error');
    expect(errors[0]!.fields).toMatchObject({ projection: 'stream-counter', eventType: 'Poison', streamId: 'counter-7' });
    expect(typeof errors[0]!.fields.eventId).toBe('string');
    expect(JSON.stringify(logger.entries)).not.toContain('Dupont');
    // The poison event holds the projection back: the events after it are not applied.
    expect((await counts(kit.db))['counter-8']).toBeUndefined();
    const [h] = await r.health();
    expect(h!.status).toBe('degraded');
    expect(h!.lagEvents).toBeGreaterThanOrEqual(4);

    failing = false;
    await waitFor('recovery', () => caughtUp(r));
    expect(await counts(kit.db)).toEqual(expectedCounts(appended));
    await waitFor('status back to ok', async () => (await r.health())[0]!.status === 'ok');
  });
});
