import { randomUUID } from 'node:crypto';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { AggregateRepository, systemClock, systemContext } from '#ardoise/commands';
import { runMigrations } from '#ardoise/database';
import { eventStoreMigrations, PostgresEventStore, type EventStore } from '#ardoise/event-store';
import { upcastEvent } from '#ardoise/kernel';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import type { ServiceDayEvent } from '../domain/reservation-events.js';
import { serviceDayDecider, waitlistRank, type ServiceDayState, type ValidateLine } from '../domain/service-day.decider.js';
import { ServiceDayWriter } from './service-day-writer.js';

/** A "process": its own pool, store and writer on the shared database; `afterAppend` runs once an append is in the store. */
function openProcess(url: string, afterAppend?: () => Promise<void>) {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  pool.on('error', () => undefined);
  const inner = new PostgresEventStore(pool);
  const store = Object.create(inner) as EventStore;
  store.append = async (...args) => {
    const result = await inner.append(...args);
    await afterAppend?.();
    return result;
  };
  return { writer: new ServiceDayWriter(store, new AggregateRepository(store, systemClock)), store, close: () => pool.end() };
}

/** Child n of family n asks for the holiday centre of Monday 15 February. */
const aLine = (n: number, capacity: number): ValidateLine => ({
  type: 'ValidateLine',
  line: { reservationId: `r${n}`, familyId: `f${n}`, childId: `c${n}`, serviceCode: 'VACANCES', date: '2027-02-15' },
  capacity,
  closed: null,
  deadline: { at: '2027-01-20T22:59:00.000Z', passed: false },
  override: null,
  phase: { kind: 'open' },
});

async function dayInTheLog(store: EventStore, streamId: string): Promise<ServiceDayState> {
  const events: ServiceDayEvent[] = [];
  for await (const event of store.readStream(streamId)) events.push({ type: event.type, data: upcastEvent(event).data } as ServiceDayEvent);
  return serviceDayDecider.evolveAll!(serviceDayDecider.initialState(), events);
}

const plain = (day: ServiceDayState) => ({
  entries: [...day.entries].sort(([a], [b]) => a.localeCompare(b)),
  liveByChild: [...day.liveByChild].sort(([a], [b]) => a.localeCompare(b)),
  validated: day.validated,
  waitlist: day.waitlist,
});

describe('ServiceDayWriter: batches decided on a draft of the day, the store the judge (real PostgreSQL)', () => {
  let database: TestDatabase;
  const opened: { close: () => Promise<void> }[] = [];
  const open = (afterAppend?: () => Promise<void>) => {
    const process = openProcess(database.url, afterAppend);
    opened.push(process);
    return process;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 2 }) }) });
    await runMigrations(db, eventStoreMigrations);
    await db.destroy();
  }, 60_000);

  afterAll(async () => {
    for (const process of opened) await process.close();
    await database.drop();
  }, 60_000);

  it('three processes validating 90 children for 10 places at once: 10 validated, 80 ranked 1 to 80, each day in memory the day in the log', async () => {
    const stream = `service_day-VACANCES-${randomUUID()}`;
    const processes = [open(), open(), open()];
    const results = await Promise.all(
      Array.from({ length: 90 }, async (_, n) => {
        const { writer } = processes[n % 3]!;
        const { events, state } = await writer.execute(stream, aLine(n, 10), systemContext());
        return { type: events[0]!.type, rank: waitlistRank(state, `r${n}`) };
      }),
    );
    expect(results.filter((r) => r.type === 'ReservationValidated')).toHaveLength(10);
    const ranks = results.filter((r) => r.type === 'ReservationWaitlisted').map((r) => r.rank);
    expect(ranks.sort((a, b) => a! - b!)).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
    const log = await dayInTheLog(processes[0]!.store, stream);
    for (const { writer } of processes) expect(plain(await writer.read(stream))).toEqual(plain(log));
  });

  it('a batch decided on a day another process has moved on is dropped and decided again on the caught-up day', async () => {
    const stream = `service_day-VACANCES-${randomUUID()}`;
    const here = open();
    const elsewhere = open();
    await here.writer.execute(stream, aLine(1, 2), systemContext());
    await elsewhere.writer.execute(stream, aLine(2, 2), systemContext()); // `here` still knows one child booked
    const third = await here.writer.execute(stream, aLine(3, 2), systemContext());
    expect(third.events.map((e) => e.type)).toEqual(['ReservationWaitlisted']);
    expect(waitlistRank(third.state, 'r3')).toBe(1);
    const fourth = await here.writer.execute(stream, aLine(4, 2), systemContext());
    expect(waitlistRank(fourth.state, 'r4')).toBe(2);
    expect(plain(await here.writer.read(stream))).toEqual(plain(await dayInTheLog(here.store, stream)));
  });

  it('a read of the day while a batch is being appended never folds the batch twice', async () => {
    const stream = `service_day-VACANCES-${randomUUID()}`;
    const later: { writer?: ServiceDayWriter } = {};
    // Between the append and the batch's settling, a read catches the day up with the batch's own events.
    const process = open(async () => {
      await later.writer?.liveReservationOf(stream, 'c0');
    });
    const writer = (later.writer = process.writer);
    for (let n = 0; n < 6; n++) await writer.execute(stream, aLine(n, 3), systemContext());
    const day = await writer.read(stream);
    expect(day.validated).toBe(3);
    expect(day.waitlist).toEqual(['r3', 'r4', 'r5']);
    expect(plain(day)).toEqual(plain(await dayInTheLog(process.store, stream)));
  });
});
