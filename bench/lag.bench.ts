import { performance } from 'node:perf_hooks';
import { CommandBus } from '@nestjs/cqrs';
import { sql } from 'kysely';
import { runInContext, systemContext, type Actor } from '#ardoise/commands';
import { EVENT_STORE, postgresPositions, type EventData, type EventFilter, type EventStore } from '#ardoise/event-store';
import type { Projector } from '#ardoise/projections';
import { ReadModelVerifier } from '#ardoise/audit';
import { openSchoolYearApp, seedSchoolYear } from '#ardoise/composition';
import { CancelReservation, DeclareAbsence, RecordAttendance, RequestReservations, ValidateBasket, type RequestedSlot } from '#ardoise/reservations';
import { OpenRequest } from '#ardoise/messaging';
import { LagTrace } from './lag-trace.js';

/**
 * `ardoise bench lag` (`npm run bench:lag`): how far behind the log each read model is, live.
 *
 * The whole app runs in this process (commands, projections following the log). After the
 * families are registered, a steady `rate` commands/s of a realistic mix (basket requests,
 * validations, cancellations, absences, attendance, requests) for `seconds` s, then the
 * rush: every family requests and validates a week at once (64 at a time). For each event a
 * command committed and each projection that reads it, the lag is the time from the commit
 * (the append returned) to the read model's checkpoint passing it (polled every 5 ms).
 *
 * Last line, JSON: {"bench":"lag","steady_p99_ms":…,"rush_catch_up_ms":…,"verified":…}
 */
export interface LagBenchmarkOptions {
  databaseUrl: string;
  projectors: readonly Projector[];
  families?: number;
  rate?: number;
  seconds?: number;
  log?: (line: string) => void;
  /** Break the lag down: commit → NOTIFY → visible → fetched → checkpoint (lag-trace.ts). */
  trace?: boolean;
}

const MAX_IN_FLIGHT = 24;

interface Pending {
  position: ReturnType<EventStore['positions']['decode']>;
  at: number;
  rush: boolean;
}

export async function runLagBenchmark(options: LagBenchmarkOptions): Promise<{ verified: boolean }> {
  const log = options.log ?? ((line: string) => console.log(line));
  const rate = options.rate ?? 200;
  const seconds = options.seconds ?? 60;
  // Room in the pool for the commands in flight and every projection's batches.
  const trace = options.trace ? new LagTrace(postgresPositions, options.projectors) : undefined;
  trace?.install();
  const opened = await openSchoolYearApp(options.databaseUrl, { DATABASE_POOL_SIZE: '40' });
  const { app, clock, infrastructure } = opened;
  try {
    await seedSchoolYear(app, clock, { scale: 'town', seed: 7, families: options.families ?? 400, months: 0, log });
    const store = app.get<EventStore>(EVENT_STORE);
    const commands = app.get(CommandBus);
    const { rows: familyRows } = await sql<{
      family_id: string;
      child_id: string;
    }>`SELECT family_id::text, child_id::text FROM family_children ORDER BY child_id`.execute(infrastructure.db);
    const byFamily = new Map<string, string[]>();
    for (const row of familyRows) byFamily.set(row.family_id, [...(byFamily.get(row.family_id) ?? []), row.child_id]);
    const families = [...byFamily].map(([familyId, children]) => ({ familyId, children }));
    log(`${families.length} families ready; steady ${rate} commands/s for ${seconds} s, then the rush`);
    clock.set(new Date('2026-12-01T09:00:00Z'));

    // Instrument the appends: every committed event goes to the queues of the projections that read it.
    const queues = new Map(options.projectors.map((p) => [p.name, [] as Pending[]]));
    const samples = new Map(options.projectors.map((p) => [p.name, { steady: [] as number[], rush: [] as number[] }]));
    let phase: 'steady' | 'rush' | 'after' = 'steady';
    const append = store.append.bind(store);
    store.append = async (streamId: string, events: EventData[], opts) => {
      const result = await append(streamId, events, opts);
      const at = performance.now();
      trace?.committed(result.position, at);
      for (const projector of options.projectors) {
        if (events.some((e) => matches(projector.filter, streamId, e.type)))
          queues.get(projector.name)!.push({ position: result.position, at, rush: phase !== 'steady' });
      }
      return result;
    };
    let monitoring = true;
    let lastRushApplied = 0;
    const monitor = (async () => {
      while (monitoring) {
        const { rows } = await sql<{
          projection: string;
          position: string | null;
        }>`SELECT projection, position FROM projection_generations WHERE status = 'active'`.execute(infrastructure.db);
        const now = performance.now();
        for (const row of rows) {
          const queue = queues.get(row.projection);
          if (!queue || !row.position) continue;
          const checkpoint = store.positions.decode(row.position);
          // Events of one projection commit in log order only roughly: scan the whole queue.
          for (let i = queue.length - 1; i >= 0; i--) {
            const item = queue[i]!;
            if (store.positions.compare(item.position, checkpoint) > 0) continue;
            queue.splice(i, 1);
            const sample = samples.get(row.projection)!;
            (item.rush ? sample.rush : sample.steady).push(now - item.at);
            trace?.applied(row.projection, item.position, now);
            if (item.rush) lastRushApplied = now;
          }
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();

    const random = mulberry32(11);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const januaryDays = [
      '2027-01-04',
      '2027-01-05',
      '2027-01-07',
      '2027-01-08',
      '2027-01-11',
      '2027-01-12',
      '2027-01-14',
      '2027-01-15',
      '2027-01-18',
      '2027-01-19',
    ];
    const validated: Array<{ familyId: string; slot: RequestedSlot }> = [];
    const withBasket = new Set<string>();
    const agent: Actor = { userId: 'bench-agent', role: 'agent' };
    const as = (actor: Actor, work: () => Promise<unknown>) => runInContext(systemContext(actor), work);
    const parentOf = (familyId: string): Actor => ({ userId: `bench-parent-${familyId}`, role: 'parent', familyId });
    let errors = 0;
    const oneCommand = async () => {
      const family = pick(families);
      const draw = random();
      const run = async (): Promise<unknown> => {
        if (draw < 0.45) {
          const childId = pick(family.children);
          const slots = Array.from({ length: 1 + Math.floor(random() * 3) }, () => ({
            childId,
            serviceCode: random() < 0.8 ? 'CANTINE' : 'SOIR',
            date: pick(januaryDays),
          }));
          withBasket.add(family.familyId);
          return as(parentOf(family.familyId), () => commands.execute(new RequestReservations(family.familyId, slots, true)));
        }
        if (draw < 0.7 && withBasket.size > 0) {
          const familyId = [...withBasket][0]!;
          withBasket.delete(familyId);
          return as(parentOf(familyId), async () => {
            const { lines } = await commands.execute(new ValidateBasket(familyId, null));
            for (const line of lines) if (line.outcome === 'validated') validated.push({ familyId, slot: line });
          });
        }
        if (draw < 0.8 && validated.length > 0) {
          const { familyId, slot } = validated.splice(Math.floor(random() * validated.length), 1)[0]!;
          return as(parentOf(familyId), () => commands.execute(new CancelReservation(familyId, slot, null)));
        }
        if (draw < 0.85 && validated.length > 0) {
          const { familyId, slot } = pick(validated);
          return as(parentOf(familyId), () => commands.execute(new DeclareAbsence(familyId, slot, 'Enfant malade')));
        }
        if (draw < 0.95)
          return as(agent, () => commands.execute(new RecordAttendance('CANTINE', '2026-11-30', pick(family.children), random() < 0.9 ? 'present' : 'absent')));
        return as(parentOf(family.familyId), () =>
          commands.execute(new OpenRequest(family.familyId, 'other', 'Question', 'Bonjour, une question sur la cantine.')),
        );
      };
      await run().catch(() => (errors += 1));
    };

    // Steady: `rate` commands/s, at most MAX_IN_FLIGHT at once (like a server's request
    // queue): when the machine cannot keep up, the rate achieved is reported.
    const inFlight = new Set<Promise<void>>();
    trace?.startCutPoller(options.databaseUrl);
    trace?.steadyStarted();
    const steadyStarted = performance.now();
    let issued = 0;
    while (performance.now() - steadyStarted < seconds * 1000) {
      const due = Math.floor(((performance.now() - steadyStarted) / 1000) * rate);
      while (issued < due && inFlight.size < MAX_IN_FLIGHT) {
        issued += 1;
        const command = oneCommand().finally(() => inFlight.delete(command));
        inFlight.add(command);
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await Promise.all(inFlight);
    const steadySeconds = (performance.now() - steadyStarted) / 1000;
    log(`steady: ${issued} commands in ${steadySeconds.toFixed(1)} s (${Math.round(issued / steadySeconds)}/s), ${errors} refused`);

    // The rush: every family requests a week and validates it, 64 at a time.
    phase = 'rush';
    if (trace) trace.steady = false;
    trace?.steadyEnded();
    const rushStarted = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 64 }, async () => {
        while (next < families.length) {
          const family = families[next++]!;
          const slots = family.children.flatMap((childId) => januaryDays.slice(5).map((date) => ({ childId, serviceCode: 'CANTINE', date })));
          await as(parentOf(family.familyId), async () => {
            await commands.execute(new RequestReservations(family.familyId, slots, true));
            await commands.execute(new ValidateBasket(family.familyId, null));
          }).catch(() => (errors += 1));
        }
      }),
    );
    const rushEnded = performance.now();
    phase = 'after';
    const deadline = rushEnded + 60_000;
    while ([...queues.values()].some((q) => q.length > 0) && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    const caughtUp = [...queues.values()].every((q) => q.length === 0);
    const rushCatchUp = caughtUp ? Math.max(0, Math.round(lastRushApplied - rushEnded)) : -1;
    log(
      `rush: ${families.length * 2} commands in ${((rushEnded - rushStarted) / 1000).toFixed(1)} s; every read model caught up ${rushCatchUp} ms after the last one`,
    );
    monitoring = false;
    await monitor;

    log('');
    log(`${'projection'.padEnd(28)} ${'events'.padStart(7)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'rush p99'.padStart(9)}`);
    const allSteady: number[] = [];
    const perProjection: Record<string, { p50: number; p99: number; rush_p99: number }> = {};
    for (const [name, sample] of samples) {
      allSteady.push(...sample.steady);
      const row = { p50: percentile(sample.steady, 0.5), p99: percentile(sample.steady, 0.99), rush_p99: percentile(sample.rush, 0.99) };
      perProjection[name] = row;
      log(
        `${name.padEnd(28)} ${String(sample.steady.length).padStart(7)} ${row.p50.toFixed(1).padStart(8)} ${row.p99.toFixed(1).padStart(8)} ${row.rush_p99.toFixed(1).padStart(9)}`,
      );
    }
    const traced = trace?.report(log, percentile);
    const report = await new ReadModelVerifier(infrastructure.db, store, options.projectors).verify();
    const differing = report.projections.filter((p) => !p.equal).map((p) => p.projection);
    log(`verify (rebuilt == live): ${report.ok ? 'ok' : `differs: ${differing.join(', ')}`}`);
    const result = {
      bench: 'lag',
      steady_p99_ms: Number(percentile(allSteady, 0.99).toFixed(1)),
      rush_catch_up_ms: rushCatchUp,
      verified: report.ok,
      steady_p50_ms: Number(percentile(allSteady, 0.5).toFixed(1)),
      steady_commands_per_s: Math.round(issued / steadySeconds),
      families: families.length,
      per_projection: perProjection,
      ...(traced ? { trace: traced } : {}),
    };
    log(JSON.stringify(result));
    return { verified: report.ok };
  } finally {
    await trace?.stop();
    await opened.close();
  }
}

function matches(filter: EventFilter, streamId: string, type: string): boolean {
  if (filter.streamPrefixes && !filter.streamPrefixes.some((p) => streamId.startsWith(p))) return false;
  if (filter.eventTypes && !filter.eventTypes.includes(type)) return false;
  return true;
}

function percentile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
