import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { runMigrations, type Migrations } from '#ardoise/database';
import { PostgresEventStore, eventStoreMigrations, type EventData, type EventFilter } from '#ardoise/event-store';
import { ProjectionRunner, silentProjectionLogger, type Projector } from '#ardoise/projections';
import { SERVICE_DEFINED } from '#ardoise/catalogue';

/**
 * `ardoise bench rebuild` (`npm run bench:rebuild`): how long rebuilding every read model
 * from zero takes on a log of ~1,000,000 events, against the raw cost of reading the same
 * events from the store without projecting them.
 *
 * 1. Seed through the PostgreSQL adapter (one append per stream, 16 at a time): the town's
 *    prestations (the catalogue's real ServiceDefined events), then per family the kind of
 *    facts the other contexts record — an account with two guardians and two children (with
 *    ~100-byte opaque blobs where the personal data is encrypted), per child and month
 *    reservations requested, validated, sometimes cancelled, and attendance, per month an
 *    invoice and its payment. Their types are prefixed `Synthetic` so that the real
 *    projectors of those contexts leave them alone (their payloads are not real ones).
 * 2. Baseline: read the whole log through `store.readAll()` (and each projector's filtered
 *    read, what a rebuild reads), without projecting.
 * 3. Rebuild, one after the other, every projector of the app (ALL_PROJECTORS) plus a
 *    synthetic projector standing for the reservation read models (one row per child and
 *    day, upserted), from zero, through ProjectionRunner.rebuild (generations, batches,
 *    checkpoints: the production path).
 */
export interface RebuildBenchmarkOptions {
  databaseUrl: string;
  projectors: readonly Projector[];
  migrations: Migrations[];
  events?: number;
  log?: (line: string) => void;
}

const METADATA = (occurredAt: string) => ({
  actor: { userId: 'bench-agent', role: 'agent' },
  correlationId: randomUUID(),
  causationId: randomUUID(),
  occurredAt,
  schemaVersion: 1,
});
const blob = () => randomBytes(72).toString('base64'); // ~100 characters, like an encrypted field

const ev = (type: string, data: unknown, occurredAt: string): EventData => ({ id: randomUUID(), type, data, metadata: METADATA(occurredAt) });

const SERVICES = ['CANTINE', 'MATIN', 'SOIR', 'MERCREDI', 'VACANCES'];
const MONTHS = ['2026-09', '2026-10', '2026-11', '2026-12'];
const DAYS = ['01', '08', '15', '22'];

/** The streams of one family: ~109 events in 13 streams. */
function* familyStreams(): Generator<[string, EventData[]]> {
  const familyId = randomUUID();
  const children = [randomUUID(), randomUUID()];
  const at = '2026-08-25T10:00:00.000Z';
  yield [
    `family-${familyId}`,
    [
      ev('SyntheticFamilyAccountCreated', { familyId, name: blob(), email: blob() }, at),
      ev('SyntheticGuardianAdded', { familyId, guardianId: randomUUID(), personal: blob() }, at),
      ev('SyntheticGuardianAdded', { familyId, guardianId: randomUUID(), personal: blob() }, at),
      ...children.map((childId) => ev('SyntheticChildRegistered', { familyId, childId, personal: blob(), school: 'École Jules-Ferry', diet: 'sans porc' }, at)),
    ],
  ];
  for (const childId of children) {
    for (const month of MONTHS) {
      const events: EventData[] = [];
      for (const day of DAYS) {
        const date = `${month}-${day}`;
        const serviceCode = SERVICES[(day.charCodeAt(1) + month.length) % SERVICES.length]!;
        const reservationId = randomUUID();
        events.push(ev('SyntheticReservationRequested', { reservationId, familyId, childId, serviceCode, date }, `${month}-01T08:00:00.000Z`));
        events.push(ev('SyntheticReservationValidated', { reservationId, familyId, childId, serviceCode, date }, `${month}-01T08:05:00.000Z`));
        events.push(ev('SyntheticAttendanceRecorded', { reservationId, childId, serviceCode, date, status: 'present' }, `${date}T12:00:00.000Z`));
      }
      yield [`reservation-${childId}-${month}`, events];
    }
  }
  for (const month of MONTHS) {
    const invoiceId = randomUUID();
    yield [
      `invoice-${invoiceId}`,
      [
        ev('SyntheticInvoiceIssued', { invoiceId, familyId, number: `2026-${invoiceId.slice(0, 6)}`, month, lines: children.map((c) => ({ childId: c, serviceCode: 'CANTINE', days: 4, unitCents: 350 })), totalCents: 2800 }, `${month}-28T06:00:00.000Z`),
        ev('SyntheticPaymentRecorded', { invoiceId, familyId, amountCents: 2800, mode: 'payfip' }, `${month}-30T09:00:00.000Z`),
      ],
    ];
  }
}

/** Stands for the reservation read models: one row per child, service and day, upserted. */
const syntheticReservationsProjector: Projector = {
  name: 'bench-reservation-days',
  version: 1,
  filter: { eventTypes: ['SyntheticReservationRequested', 'SyntheticReservationValidated', 'SyntheticReservationCancelled', 'SyntheticAttendanceRecorded'] },
  tables: [
    {
      name: 'bench_reservation_days',
      async create(db, physicalName) {
        await sql`CREATE TABLE ${sql.table(physicalName)} (
          reservation_id uuid PRIMARY KEY, child_id uuid NOT NULL, service_code text NOT NULL, day date NOT NULL,
          status text NOT NULL, attendance text)`.execute(db);
        await sql`CREATE INDEX ${sql.id(`${physicalName}_day_idx`)} ON ${sql.table(physicalName)} (day, service_code)`.execute(db);
      },
    },
  ],
  async apply(event, trx, tables) {
    const d = event.data as { reservationId: string; childId: string; serviceCode: string; date: string; status?: string };
    const table = tables.bench_reservation_days!;
    if (event.type === 'SyntheticAttendanceRecorded') {
      await trx.updateTable(table).set({ attendance: d.status }).where('reservation_id', '=', d.reservationId).execute();
      return;
    }
    const status = { SyntheticReservationRequested: 'requested', SyntheticReservationValidated: 'validated', SyntheticReservationCancelled: 'cancelled' }[event.type]!;
    await trx
      .insertInto(table)
      .values({ reservation_id: d.reservationId, child_id: d.childId, service_code: d.serviceCode, day: d.date, status })
      .onConflict((oc) => oc.column('reservation_id').doUpdateSet({ status }))
      .execute();
  },
};

export async function runRebuildBenchmark(options: RebuildBenchmarkOptions): Promise<void> {
  const target = options.events ?? 1_000_000;
  const log = options.log ?? ((line: string) => console.log(line));
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 20 });
  pool.on('error', () => undefined);
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
  const store = new PostgresEventStore(pool, { notifyChannel: false });
  try {
    await runMigrations(db, eventStoreMigrations, ...options.migrations);
    const settings = await pool.query("SELECT version() AS version, current_setting('synchronous_commit') AS sc, current_setting('shared_buffers') AS sb");
    log(`PostgreSQL: ${settings.rows[0].version.split(',')[0]} (synchronous_commit=${settings.rows[0].sc}, shared_buffers=${settings.rows[0].sb})`);

    // 1. Seed.
    let seeded = 0;
    let t0 = performance.now();
    for (const code of SERVICES) {
      await store.append(`service-${code}`, [ev(SERVICE_DEFINED, { code, label: `Prestation ${code}`, kind: code === 'CANTINE' ? 'canteen' : 'leisure_day', weekdays: [1, 2, 4, 5], dailyCapacity: code === 'CANTINE' ? null : 40 }, '2026-08-20T08:00:00.000Z')], { expectedRevision: 'no_stream' });
      seeded += 1;
    }
    const streams = (function* () {
      while (true) yield* familyStreams();
    })();
    let lastReport = performance.now();
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (seeded < target) {
          const [streamId, events] = streams.next().value as [string, EventData[]];
          seeded += events.length;
          await store.append(streamId, events, { expectedRevision: 'no_stream' });
          if (performance.now() - lastReport > 10_000) {
            lastReport = performance.now();
            log(`  … ${seeded} events seeded`);
          }
        }
      }),
    );
    const seedSeconds = (performance.now() - t0) / 1000;
    await sql`VACUUM ANALYZE events`.execute(db);
    const { rows } = await sql<{ n: string; size: string }>`SELECT count(*)::text AS n, pg_size_pretty(pg_total_relation_size('events')) AS size FROM events`.execute(db);
    const total = Number(rows[0]!.n);
    log(`seeded ${total} events through the adapter in ${seedSeconds.toFixed(1)} s (${Math.round(total / seedSeconds)} events/s; events table ${rows[0]!.size})`);

    // 2. Baselines: read without projecting.
    const readAll = await timeRead(store, undefined);
    log('');
    log(`${'read / rebuild'.padEnd(44)} ${'events'.padStart(9)} ${'seconds'.padStart(8)} ${'events/s'.padStart(9)} ${'x read'.padStart(7)}`);
    log(row('read $all, no projection (baseline)', readAll.events, readAll.seconds));

    // 3. Rebuild every read model from zero.
    const projectors = [...options.projectors, syntheticReservationsProjector];
    const runner = new ProjectionRunner({ pool, db, store, projectors, logger: silentProjectionLogger, batchSize: 500 });
    let rebuildSeconds = 0;
    let rebuilt = 0;
    try {
      for (const projector of projectors) {
        const read = await timeRead(store, projector.filter);
        const started = performance.now();
        const generation = await runner.rebuild(projector.name);
        const seconds = (performance.now() - started) / 1000;
        rebuildSeconds += seconds;
        rebuilt += generation.eventsApplied;
        log(row(`  read ${projector.name} (filtered)`, read.events, read.seconds));
        log(row(`  rebuild ${projector.name}`, generation.eventsApplied, seconds, read.seconds));
      }
    } finally {
      await runner.stop();
    }
    log(row('rebuild all read models from zero (sum)', rebuilt, rebuildSeconds));
    log('');
    log(`Total: every read model rebuilt from ${total} events in ${rebuildSeconds.toFixed(1)} s; reading the whole log alone takes ${readAll.seconds.toFixed(1)} s (${Math.round(readAll.events / readAll.seconds)} events/s).`);
  } finally {
    await store.close();
    await db.destroy();
  }
}

async function timeRead(store: PostgresEventStore, filter: EventFilter | undefined): Promise<{ events: number; seconds: number }> {
  const started = performance.now();
  let events = 0;
  for await (const _event of store.readAll({ filter })) events += 1;
  return { events, seconds: (performance.now() - started) / 1000 };
}

function row(label: string, events: number, seconds: number, readSeconds?: number): string {
  const rate = seconds > 0 ? Math.round(events / seconds) : 0;
  const ratio = readSeconds ? (seconds / Math.max(readSeconds, 1e-6)).toFixed(2) : '';
  return `${label.padEnd(44)} ${String(events).padStart(9)} ${seconds.toFixed(2).padStart(8)} ${String(rate).padStart(9)} ${ratio.padStart(7)}`;
}
