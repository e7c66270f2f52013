import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { CommandBus } from '@nestjs/cqrs';
import { sql } from 'kysely';
import { runInContext, systemContext } from '#ardoise/commands';
import { streamCategory } from '#ardoise/kernel';
import { DEMO_SCHOOL_YEAR } from '#ardoise/catalogue';
import { basketStream, RequestReservations, ValidateBasket } from '#ardoise/reservations';
import { openSchoolYearApp, seedSchoolYear } from '#ardoise/composition';

/**
 * `ardoise bench basket`: what a family's basket costs as its stream grows over a school year.
 *
 * A small town (the school-year seed's town, its families registered, no month played), then
 * month after month, September to June, each family in turn puts every school day of the
 * month in its basket — morning care, canteen and evening care for each child, the leisure
 * centre on Wednesdays — and validates it, through the real commands (`RequestReservations`,
 * then `ValidateBasket`), one family at a time so that each command's latency is its own. The
 * basket stream grows by fifty to a hundred and fifty events a month: the question is whether
 * September's and June's commands cost the same.
 *
 * Per month, medians over the families: the length of the basket stream, then the probe (one
 * day asked and validated, where the basket's own cost shows): the basket events it read from
 * the store, the latency of RequestReservations, of ValidateBasket, of both; then the rest of
 * the month asked and validated.
 *
 * Last line, JSON: {"bench":"basket","first_ms":…,"last_ms":…,"ratio":…,"events_first":…,"events_last":…,"read_first":…,"read_last":…,"load":…}
 */
export interface BasketBenchmarkOptions {
  databaseUrl: string;
  /** Families of the town (default 12: about 30 children). */
  families?: number;
  /** Months played, from September (default 10). */
  months?: number;
  /** Seed number of the families (default 1). */
  seed?: number;
  log?: (line: string) => void;
}

const BASKET = streamCategory(basketStream('x'));
const MONTHS = ['2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06'];

export async function runBasketBenchmark(options: BasketBenchmarkOptions): Promise<{ ratio: number }> {
  const log = options.log ?? ((line: string) => console.log(line));
  const opened = await openSchoolYearApp(options.databaseUrl, { ARDOISE_ROLE: 'api', LOG_LEVEL: 'silent' });
  try {
    const { app, infrastructure, clock } = opened;
    await seedSchoolYear(app, clock, { scale: 'town', seed: options.seed ?? 1, families: options.families ?? 12, months: 0 });
    const rows = await sql<{
      family_id: string;
      child_id: string;
    }>`SELECT family_id, child_id FROM family_children ORDER BY family_id, child_id`.execute(infrastructure.db);
    const families = new Map<string, string[]>();
    for (const row of rows.rows) families.set(row.family_id, [...(families.get(row.family_id) ?? []), row.child_id]);
    const commands = app.get(CommandBus);
    // What the probe costs in the store: the basket events it reads (counted as the store hands them out).
    let basketEventsRead = 0;
    const store = infrastructure.store;
    const readStream = store.readStream.bind(store);
    store.readStream = (streamId, readOptions) => {
      const events = readStream(streamId, readOptions);
      if (streamCategory(streamId) !== BASKET) return events;
      return (async function* () {
        for await (const event of events) {
          basketEventsRead++;
          yield event;
        }
      })();
    };
    const streamLength = async (familyId: string) => {
      let events = 0;
      try {
        for await (const _ of infrastructure.store.readStream(basketStream(familyId))) events++;
      } catch {
        // no basket yet
      }
      return events;
    };

    log(
      `basket bench: ${families.size} families, ${rows.rows.length} children; load ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    log('month    | basket events | probe: events read | RequestReservations ms | ValidateBasket ms | both ms | rest of the month ms (medians)');
    const perMonth: { both: number; events: number; read: number }[] = [];
    for (const month of MONTHS.slice(0, options.months ?? MONTHS.length)) {
      clock.set(new Date(`${previousMonthOf(month)}-14T08:00:00Z`));
      const requests: number[] = [];
      const validations: number[] = [];
      const fills: number[] = [];
      const lengths: number[] = [];
      const reads: number[] = [];
      for (const [familyId, children] of families) {
        lengths.push(await streamLength(familyId));
        const readBefore = basketEventsRead;
        const slots = children.flatMap((childId) =>
          schoolDaysOf(month).flatMap((date) =>
            (new Date(`${date}T12:00:00Z`).getUTCDay() === 3 ? ['MERCREDI'] : ['CANTINE', 'MATIN', 'SOIR']).map((serviceCode) => ({
              childId,
              serviceCode,
              date,
            })),
          ),
        );
        const parent = systemContext({ userId: `bench-parent-${familyId}`, role: 'parent', familyId });
        const as = <T>(work: () => Promise<T>) => runInContext(parent, work);
        // The probe: one day asked and validated, where the basket's own cost shows.
        const started = performance.now();
        await as(() => commands.execute(new RequestReservations(familyId, slots.slice(0, 1), true)));
        const requested = performance.now();
        await as(() => commands.execute(new ValidateBasket(familyId, null)));
        const validated = performance.now();
        reads.push(basketEventsRead - readBefore);
        // The rest of the month, as a family does it (about a hundred lines for two children).
        await as(() => commands.execute(new RequestReservations(familyId, slots, true)));
        await as(() => commands.execute(new ValidateBasket(familyId, null)));
        requests.push(requested - started);
        validations.push(validated - requested);
        fills.push(performance.now() - validated);
      }
      const both = requests.map((r, i) => r + validations[i]!);
      perMonth.push({ both: median(both), events: median(lengths), read: median(reads) });
      log(
        `${month}  | ${String(median(lengths)).padStart(13)} | ${String(median(reads)).padStart(18)} | ${median(requests).toFixed(1).padStart(22)} | ${median(validations).toFixed(1).padStart(17)} | ${median(both).toFixed(1).padStart(7)} | ${median(fills).toFixed(1).padStart(8)}`,
      );
    }
    const first = perMonth[0]!;
    const last = perMonth.at(-1)!;
    const ratio = last.both / first.both;
    log(
      JSON.stringify({
        bench: 'basket',
        first_ms: round(first.both),
        last_ms: round(last.both),
        ratio: round(ratio),
        events_first: first.events,
        events_last: last.events,
        read_first: first.read,
        read_last: last.read,
        load: loadavg().map(round),
      }),
    );
    return { ratio };
  } finally {
    await opened.close();
  }
}

const round = (n: number) => Math.round(n * 100) / 100;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

function previousMonthOf(month: string): string {
  return isoDay(new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 2, 1))).slice(0, 7);
}

/** Monday to Friday of the month, outside the demo town's holidays (the command skips what the calendar closes anyway). */
function schoolDaysOf(month: string): string[] {
  const days: string[] = [];
  for (let d = new Date(`${month}-01T12:00:00Z`); isoDay(d).startsWith(month); d = new Date(d.getTime() + 86_400_000)) {
    const date = isoDay(d);
    const holiday = DEMO_SCHOOL_YEAR.holidays.some((h) => date >= h.start && date <= h.end) || DEMO_SCHOOL_YEAR.publicHolidays.some((h) => h.date === date);
    if (![0, 6].includes(d.getUTCDay()) && !holiday) days.push(date);
  }
  return days;
}
