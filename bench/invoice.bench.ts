import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { FixedClock, runInContext, systemContext } from '#ardoise/commands';
import { billingInputsProjector, SetServiceTariff, StartBillingRun } from '#ardoise/invoicing';
import { ProjectionRunner } from '#ardoise/projections';
import { createLogger, loadConfig, startInfrastructure } from '#ardoise/runtime';
import { ALL_MIGRATIONS, ArdoiseModule } from '#ardoise/composition';

/**
 * `ardoise bench invoice` (npm run bench:invoice): bills March 2026 for 2,000 families
 * (4,000 children, ~18–22 days × 2–3 services each, with QFs, justified absences, late
 * bookings and unbooked presences) through the real run: tariffs from the event store,
 * billable days from the billing read model, gapless numbers, one `InvoiceIssued` stream
 * per invoice. The billable days are written straight into the read model (what the
 * reservations projector would have built): the benchmark measures billing, not booking.
 * Baseline, same database: raw multi-row INSERT of the same invoice payloads into a plain
 * table (what storing the invoices costs with no rule, numbering or event store).
 */
export async function runInvoiceBenchmark(options: { databaseUrl: string; families?: number; log?: (line: string) => void }): Promise<void> {
  const familyCount = options.families ?? 2_000;
  const log = options.log ?? ((line: string) => console.log(line));
  const config = loadConfig({ DATABASE_URL: options.databaseUrl, LOG_LEVEL: 'silent', ARDOISE_ROLE: 'api', DATABASE_POOL_SIZE: '24' });
  const logger = createLogger('silent');
  const infrastructure = await startInfrastructure(config, logger, ALL_MIGRATIONS);
  const clock = new FixedClock(new Date('2026-04-01T06:00:00Z'));
  const app = await NestFactory.createApplicationContext(ArdoiseModule.register({ infrastructure, logger, clock }), { logger: false });
  try {
    // The billing read model's tables (an empty log: generation 1, live).
    const runner = new ProjectionRunner({
      pool: infrastructure.pool,
      db: infrastructure.db,
      store: infrastructure.store,
      projectors: [billingInputsProjector],
      logger: logger as never,
    });
    await runner.rebuild(billingInputsProjector.name);
    await runner.stop();

    const grid = (t1: number, t2: number, t3: number) => [
      { code: 'T1', label: 'QF 0–500', qfFrom: 0, qfTo: 500, unitPriceCents: t1 },
      { code: 'T2', label: 'QF 501–1000', qfFrom: 501, qfTo: 1000, unitPriceCents: t2 },
      { code: 'T3', label: 'QF > 1000', qfFrom: 1001, qfTo: null, unitPriceCents: t3 },
    ];
    await runInContext(systemContext(), async () => {
      const commands = app.get(CommandBus);
      const tariffs = { set: (tariff: SetServiceTariff['tariff']) => commands.execute(new SetServiceTariff(tariff)) };
      await tariffs.set({
        serviceCode: 'CANTINE',
        effectiveFrom: '2025-09-01',
        brackets: grid(100, 320, 450),
        lateBookingSurchargeCents: 100,
        unbookedPresenceSurchargeCents: 200,
      });
      await tariffs.set({
        serviceCode: 'CANTINE',
        effectiveFrom: '2026-03-16',
        brackets: grid(100, 340, 480),
        lateBookingSurchargeCents: 100,
        unbookedPresenceSurchargeCents: 200,
      });
      await tariffs.set({
        serviceCode: 'SOIR',
        effectiveFrom: '2025-09-01',
        brackets: grid(80, 150, 220),
        lateBookingSurchargeCents: 50,
        unbookedPresenceSurchargeCents: 300,
      });
      await tariffs.set({
        serviceCode: 'MATIN',
        effectiveFrom: '2025-09-01',
        brackets: grid(60, 120, 180),
        lateBookingSurchargeCents: 50,
        unbookedPresenceSurchargeCents: 300,
      });
      await tariffs.set({
        serviceCode: 'MERCREDI',
        effectiveFrom: '2025-09-01',
        brackets: grid(500, 900, 1400),
        lateBookingSurchargeCents: 200,
        unbookedPresenceSurchargeCents: 500,
      });
    });

    // March 2026: school days Mon, Tue, Thu, Fri; Wednesdays at the leisure centre.
    const days = Array.from({ length: 31 }, (_, i) => `2026-03-${String(i + 1).padStart(2, '0')}`).filter(
      (d) => ![0, 6].includes(new Date(`${d}T12:00:00Z`).getUTCDay()),
    );
    const rows: Record<string, unknown>[] = [];
    const quotients: Record<string, unknown>[] = [];
    let random = 42;
    const next = () => (random = (random * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let f = 0; f < familyCount; f++) {
      const familyId = randomUUID();
      if (next() < 0.75)
        quotients.push({ event_id: randomUUID(), family_id: familyId, amount: Math.floor(next() * 1800), valid_from: '2025-09-01', valid_until: '2026-08-31' });
      for (let c = 0; c < 2; c++) {
        const childId = randomUUID();
        const services = c === 0 ? ['CANTINE', 'SOIR', 'MERCREDI'] : next() < 0.5 ? ['CANTINE', 'MATIN'] : ['CANTINE', 'SOIR'];
        for (const date of days) {
          const wednesday = new Date(`${date}T12:00:00Z`).getUTCDay() === 3;
          for (const serviceCode of services) {
            if (wednesday !== (serviceCode === 'MERCREDI')) continue;
            const roll = next();
            rows.push({
              child_id: childId,
              service_code: serviceCode,
              date,
              family_id: familyId,
              reservation_id: randomUUID(),
              booked: roll > 0.02,
              late_booking: roll > 0.02 && roll < 0.04,
              attendance: roll <= 0.02 ? 'present_without_booking' : 'present',
              absence_justified: roll > 0.97,
            });
          }
        }
      }
    }
    const db = infrastructure.db;
    for (let i = 0; i < rows.length; i += 5_000)
      await db
        .insertInto('invoicing_billable_days')
        .values(rows.slice(i, i + 5_000))
        .execute();
    if (quotients.length) await db.insertInto('invoicing_quotients').values(quotients).execute();
    const children = new Set(rows.map((r) => r.child_id)).size;
    log(`Données : ${familyCount} familles, ${children} enfants, ${rows.length} jours-prestations (mars 2026), ${quotients.length} QF.`);

    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
    const started = performance.now();
    const result = await runInContext(systemContext(), () => app.get(CommandBus).execute(new StartBillingRun('2026-03', 'cli', true)));
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    if (result.status !== 'completed') throw new Error(`run ${result.status}: ${JSON.stringify(result.errors.slice(0, 3))}`);

    // Baseline: the same payloads, raw multi-row INSERTs into a plain table.
    const payloads = (await db.selectFrom('events').select('data').where('type', '=', 'InvoiceIssued').execute()).map((r) => r.data);
    await sql`CREATE TABLE bench_raw_invoices (id bigserial PRIMARY KEY, number text, data jsonb)`.execute(db);
    const rawStarted = performance.now();
    for (let i = 0; i < payloads.length; i += 100) {
      await db
        .insertInto('bench_raw_invoices')
        .values(payloads.slice(i, i + 100).map((data, j) => ({ number: String(i + j), data: JSON.stringify(data) })))
        .execute();
    }
    const rawSeconds = (performance.now() - rawStarted) / 1000;

    const again = await runInContext(systemContext(), () => app.get(CommandBus).execute(new StartBillingRun('2026-03', 'cli', true)));
    const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} Mo`;
    log(
      `Facturation : ${result.issued} factures en ${seconds.toFixed(2)} s → ${Math.round(result.issued / seconds)} factures/s (montant ${(result.amountCents / 100).toFixed(2)} €)`,
    );
    log(`Mémoire : pic RSS échantillonné ${mb(peakRss)}, maxRSS du processus ${mb(process.resourceUsage().maxRSS * 1024)}`);
    log(
      `Référence PostgreSQL brut (INSERT de 100 charges identiques) : ${rawSeconds.toFixed(2)} s → ${Math.round(payloads.length / rawSeconds)} lignes/s ; rapport ${(seconds / rawSeconds).toFixed(1)}×`,
    );
    log(`Relance du même mois : ${again.issued} émise(s), ${again.skipped} ignorée(s) en ${again.status}.`);
    log(
      JSON.stringify({
        bench: 'invoice',
        families: familyCount,
        invoices: result.issued,
        seconds: Number(seconds.toFixed(2)),
        invoices_per_s: Math.round(result.issued / seconds),
        raw_rows_per_s: Math.round(payloads.length / rawSeconds),
        ratio_to_raw: Number((seconds / rawSeconds).toFixed(1)),
        peak_rss_mib: Math.round(peakRss / 1024 / 1024),
        rerun_issued: again.issued,
      }),
    );
  } finally {
    await app.close();
    await infrastructure.stop();
  }
}
