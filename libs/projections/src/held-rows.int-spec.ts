import { createTestDatabase } from '../../../test/support/test-database.js';
import { sql } from 'kysely';
import type { Projector } from './projector.js';
import { RowSet } from './row-set.js';
import { foldEach } from './apply-batch.js';
import { generationRegistry } from './generation-registry.js';
import { event, useEngine, waitFor } from './testing/engine-test-kit.js';

/**
 * A projector that holds its rows: per stream `tally-<n>` a row counting its events (by
 * delta: an event applied twice or lost shows), the last body, and per round a row deleted
 * again by the round's next event. With `writeDuringFold` it also writes with SQL of its own
 * (what a projector that holds rows must not do); with `badCountFrom`, from that round on a
 * tally's count is not a number (PostgreSQL refuses the row when it is written).
 */
function tally(seen: { held: number; batches: number }, options: { writeDuringFold?: boolean; badCountFrom?: number } = {}): Projector {
  return {
    name: 'tally',
    version: 1,
    filter: { streamPrefixes: ['tally-'] },
    holdsRows: true,
    tables: [
      {
        name: 'tallies',
        async create(db, t) {
          await sql`CREATE TABLE ${sql.table(t)} (stream_id text PRIMARY KEY, events integer NOT NULL, body text)`.execute(db);
        },
      },
      {
        name: 'tally_rounds',
        async create(db, t) {
          await sql`CREATE TABLE ${sql.table(t)} (round integer PRIMARY KEY, seen integer NOT NULL)`.execute(db);
        },
      },
    ],
    async applyBatch(events, trx, tables, context) {
      seen.batches += 1;
      if (context.held) seen.held += 1;
      const tallies = new RowSet(trx, { table: tables.tallies!, key: ['stream_id'], defaults: { events: 0, body: null } }, context);
      const rounds = new RowSet(trx, { table: tables.tally_rounds!, key: ['round'], defaults: { seen: 0 } }, context);
      await tallies.load(events.map((e) => ({ stream_id: e.streamId })));
      await rounds.load(events.map((e) => ({ round: (e.data as { round: number }).round })));
      if (options.writeDuringFold) await sql`INSERT INTO ${sql.table(tables.tally_rounds!)} VALUES (-1, 0)`.execute(trx);
      foldEach('tally', events, (e) => {
        const d = e.data as { round: number; body: string; last: boolean };
        const row = tallies.upsert({ stream_id: e.streamId }, { body: d.body });
        row.events = options.badCountFrom !== undefined && d.round >= options.badCountFrom ? 'many' : Number(row.events) + 1;
        const round = rounds.upsert({ round: d.round }, {});
        round.seen = Number(round.seen) + 1;
        if (d.last) rounds.delete({ round: d.round }); // deleted where it was created, or pages later
      });
      await tallies.flush();
      await rounds.flush();
    },
  };
}

describe('a rebuild holds the rows of a projector that holdsRows across pages (real PostgreSQL)', () => {
  const engine = useEngine(createTestDatabase, { batchSize: 50, rebuildBatchSize: 100 }); // 1,200 events: 12 pages, each touching every row
  const runner = (projector: Projector, rebuildHeldRows?: number) => engine.runner(projector, { rebuildHeldRows });
  const snapshot = async () => {
    const { rows: tallies } = await sql`SELECT * FROM tallies ORDER BY stream_id`.execute(engine.kit.db);
    const { rows: rounds } = await sql`SELECT * FROM tally_rounds ORDER BY round`.execute(engine.kit.db);
    return { tallies, rounds };
  };
  /** Rows inserted and updated in the active generation's tallies table since it was created. */
  const writes = async () => {
    const active = await generationRegistry.active(engine.kit.db, 'tally');
    const { rows } = await sql<{ ins: string; upd: string }>`SELECT n_tup_ins::text AS ins, n_tup_upd::text AS upd FROM pg_stat_user_tables
      WHERE relname = ${`tallies__g${active!.generation}`}`.execute(engine.kit.db);
    return { inserted: Number(rows[0]!.ins), updated: Number(rows[0]!.upd) };
  };
  const statistics = async () => {
    await sql`SELECT pg_stat_force_next_flush()`.execute(engine.kit.db);
  };

  let live: Awaited<ReturnType<typeof snapshot>>;

  it('writes each row once, not written, read back and written again, and ends equal to the live projection', async () => {
    const seen = { held: 0, batches: 0 };
    const r = runner(tally(seen));
    r.start();
    await waitFor('the first generation', async () => (await generationRegistry.active(engine.kit.db, 'tally')) !== undefined);
    // 40 streams × 30 rounds, a round's row created by its first event and deleted by its last (30 events later).
    for (let round = 0; round < 30; round++) {
      for (let s = 0; s < 40; s++) {
        await engine.kit.store.append(`tally-${s}`, [event('Tally', { round, body: `r${round}s${s}`, last: s === 39 && round % 2 === 0 })], {
          expectedRevision: 'any',
        });
      }
    }
    await waitFor('caught up', async () => (await r.health())[0]!.lagEvents === 0 && (await r.health())[0]!.heartbeatAt !== null);
    await r.stop();
    live = await snapshot();
    expect(live.tallies).toHaveLength(40);
    expect(live.tallies.every((t) => (t as { events: number }).events === 30)).toBe(true);
    expect(seen.held).toBe(0); // live batches never hold rows

    const rebuilt = { held: 0, batches: 0 };
    await runner(tally(rebuilt)).rebuildAll();
    expect(rebuilt.batches).toBe(12);
    expect(rebuilt.held).toBe(12);
    expect(await snapshot()).toEqual(live);
    await statistics();
    expect(await writes()).toEqual({ inserted: 40, updated: 0 }); // every page touched every row: written once
  }, 300_000);

  it('writes when the rows held reach the limit, and ends equal, also after an interrupted rebuild resumed', async () => {
    const rebuilt = { held: 0, batches: 0 };
    await runner(tally(rebuilt), 30).rebuildAll(); // more than 30 rows after each page: a write after each
    expect(await snapshot()).toEqual(live);
    await statistics();
    expect((await writes()).updated).toBeGreaterThan(0); // read back and written again

    const controller = new AbortController();
    const interrupted = { held: 0, batches: 0 };
    await expect(
      runner(tally(interrupted), 30).rebuild('tally', (p) => (p.eventsApplied >= 500 ? controller.abort() : undefined), { signal: controller.signal }),
    ).rejects.toThrow();
    expect(interrupted.held).toBeGreaterThan(0);
    const resumed = { held: 0, batches: 0 };
    await runner(tally(resumed), 30).rebuild('tally');
    expect(resumed.batches).toBeGreaterThan(0);
    expect(resumed.held).toBe(0); // resumed: the keys written before are not known, so batch by batch
    expect(await snapshot()).toEqual(live);
  }, 300_000);

  it('fails the rebuild when a write made in the background fails, the live generation untouched', async () => {
    const before = await generationRegistry.active(engine.kit.db, 'tally');
    // A write after each page (limit 30); the rows of round 20 on are refused while later pages are folded.
    // Version 2: a generation of its own, created empty (the one it leaves building is discarded by the next rebuild of version 1).
    const failing = { ...tally({ held: 0, batches: 0 }, { badCountFrom: 20 }), version: 2 };
    await expect(runner(failing, 30).rebuildAll()).rejects.toThrow(/invalid input syntax for type integer/);
    expect((await generationRegistry.active(engine.kit.db, 'tally'))!.generation).toBe(before!.generation);
    expect(await snapshot()).toEqual(live);
  }, 300_000);

  it('refuses a write of its own while folding held rows: nothing escapes the checkpoint', async () => {
    const before = await generationRegistry.active(engine.kit.db, 'tally');
    await expect(runner(tally({ held: 0, batches: 0 }, { writeDuringFold: true })).rebuildAll()).rejects.toThrow(/read-only transaction/);
    expect((await generationRegistry.active(engine.kit.db, 'tally'))!.generation).toBe(before!.generation);
    expect(await snapshot()).toEqual(live);
  }, 300_000);
});
