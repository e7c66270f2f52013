import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FixedClock } from '#ardoise/commands';
import { sql } from 'kysely';
import { familiesProjector } from '#ardoise/families';
import { ServiceDayWriter } from '#ardoise/reservations';
import { INFRASTRUCTURE, type Infrastructure } from '#ardoise/runtime';
import { ALL_PROJECTORS } from '../projectors.js';
import { ArrivalOrder } from './arrival-order.js';
import { billMonth } from './month-billing.js';
import { bookMonth, markAbsences } from './month-bookings.js';
import { catchUpReadModels } from './read-models.js';
import { SCHOOL_MONTHS, schoolDaysOf } from './school-calendar.js';
import type { SeedRun } from './seed-run.js';
import { answerRequests, publishMonthNews } from './town-messages.js';
import { openTown, registerFamilies } from './town-setup.js';

/**
 * `ardoise seed --scale <town|city> [--seed N]`: a whole school year of a town, written
 * through the same commands as the portal and the back office (handlers, deciders, service
 * days with their group commit, billing runs, invoice commands), on a clock that moves from
 * late August to July (docs/seed.md):
 *
 * - the demo catalogue, calendar, règlement and tariffs, with places for the town's size;
 *   N families registered by an agent (1 to 3 children, schools, diets, some allergies);
 * - each month, each family books its usual days through its basket and validates it (full
 *   days put children on the waiting list); some days are cancelled, some absences declared
 *   and justified, and marked on the attendance sheet (month-bookings.ts);
 * - the town publishes news and menus; some families open requests that staff answer and close;
 * - after each month, the billing run issues the invoices; most are paid at the desk, some
 *   get a credit note (month-billing.ts).
 *
 * Deterministic from `seed`, whatever `concurrency`: every choice is drawn from it, family
 * after family, and each service day receives the seed's commands in the families' order
 * (ArrivalOrder). Ids the commands draw themselves (children, reservations…) differ.
 */
export const SCALES = {
  /** ≈ 5,000 families. */
  town: { families: 5000 },
  /** A larger town: ≥ 1,000,000 events. */
  city: { families: 12000 },
} as const;
export type Scale = keyof typeof SCALES;

export interface SchoolYearSeedOptions {
  scale: Scale;
  seed: number;
  /** Overrides the scale's number of families (quick runs). */
  families?: number;
  /** Months of the school year to play (default all 10, September to June). */
  months?: number;
  /** Families served at once (default 128: the service days group-commit what arrives together). */
  concurrency?: number;
  log?: (line: string) => void;
}

export interface SchoolYearSeedReport {
  families: number;
  /** Events in the log at the end. */
  events: number;
  /** From start to end, read models caught up. */
  seconds: number;
  /** Of which writing the year (the rest: the read models catching up at the end). */
  writeSeconds: number;
}

export async function seedSchoolYear(app: INestApplicationContext, clock: FixedClock, options: SchoolYearSeedOptions): Promise<SchoolYearSeedReport> {
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const seconds = (since: number) => Math.round((Date.now() - since) / 1000);
  const infrastructure = app.get<Infrastructure>(INFRASTRUCTURE);
  const familyCount = options.families ?? SCALES[options.scale].families;
  const arrivals = new ArrivalOrder(app.get(ServiceDayWriter));
  const run: SeedRun = { app, infrastructure, commands: app.get(CommandBus), clock, arrivals, seed: options.seed, concurrency: options.concurrency ?? 128 };
  try {
    await openTown(run, familyCount);
    const families = await registerFamilies(run, familyCount);
    // Bookings check the children in the families read model.
    await catchUpReadModels(infrastructure, [familiesProjector]);
    log(`  ${familyCount} families registered (${seconds(started)} s)`);
    const familiesById = new Map(families.map((family) => [family.familyId, family]));
    for (const month of SCHOOL_MONTHS.slice(0, options.months ?? SCHOOL_MONTHS.length)) {
      const monthStarted = Date.now();
      const absences = await bookMonth(run, families, month);
      await publishMonthNews(run, month);
      await markAbsences(run, absences, month);
      await answerRequests(run, families);
      const invoices = await billMonth(run, familiesById, month);
      log(`  ${month}: ${schoolDaysOf(month).length} school days, ${invoices} invoices (${seconds(monthStarted)} s)`);
    }
  } finally {
    arrivals.close();
  }
  const written = Date.now();
  await catchUpReadModels(infrastructure, ALL_PROJECTORS);
  log(`  read models caught up (${seconds(written)} s)`);
  return { families: familyCount, events: await eventsIn(infrastructure), seconds: (Date.now() - started) / 1000, writeSeconds: (written - started) / 1000 };
}

/** The events in the log (PostgreSQL: counted by the server; reading a city's log back would take a minute). */
async function eventsIn(infrastructure: Infrastructure): Promise<number> {
  if (infrastructure.adapter === 'postgresql') {
    const { rows } = await sql<{ events: string }>`SELECT count(*) AS events FROM events`.execute(infrastructure.db);
    return Number(rows[0]!.events);
  }
  let events = 0;
  for await (const _ of infrastructure.store.readAll()) events++;
  return events;
}
