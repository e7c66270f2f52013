import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { SchedulerRegistry } from '@nestjs/schedule';
import { DateTime } from 'luxon';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { CLOCK, systemContext, runInContext, type Clock } from '#ardoise/commands';
import { TOWN_ZONE, addDays, parisDate } from '#ardoise/kernel';
import { DATABASE } from '#ardoise/database';
import { AppConfig, LOGGER, recordJobRun } from '#ardoise/runtime';
import { StartBillingRun } from '../commands/start-billing-run/start-billing-run.command.js';
import type { InvoicingDatabase } from '../projections/invoicing-database.js';

const CHECK_EVERY_MS = 5 * 60_000;

/**
 * The monthly run, on BILLING_RUN_DAY at BILLING_RUN_HOUR (Europe/Paris), for the previous
 * month. Rather than a cron that a stopped server misses, it checks every few minutes
 * whether that moment has passed without a completed run of the month, so a server down on
 * the 1st still bills when it is back. The run itself is idempotent.
 */
@Injectable()
export class BillingScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(SchedulerRegistry) private readonly registry: SchedulerRegistry,
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DATABASE) private readonly db: Kysely<InvoicingDatabase>,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.ARDOISE_ROLE === 'api') return;
    const timer = setInterval(() => void this.check(), CHECK_EVERY_MS);
    timer.unref();
    this.registry.addInterval('invoicing-monthly-run', timer);
  }

  onApplicationShutdown(): void {
    if (this.registry.doesExist('interval', 'invoicing-monthly-run')) this.registry.deleteInterval('invoicing-monthly-run');
  }

  /** One check, recorded for the admins' health page (job_runs). */
  private async check(): Promise<void> {
    const next = () => new Date(Date.now() + CHECK_EVERY_MS);
    try {
      const runId = await this.tick();
      await recordJobRun(this.db, 'billing-schedule', 'ok', next(), runId ? `facturation du mois lancée (${runId})` : undefined);
    } catch (error) {
      this.logger.warn({ err: String(error) }, 'billing schedule check failed');
      await recordJobRun(this.db, 'billing-schedule', 'failed', next(), error instanceof Error ? error.message : String(error));
    }
  }

  /** Starts the previous month's run when due and not done; returns its id, if started. */
  async tick(): Promise<string | undefined> {
    const now = DateTime.fromJSDate(this.clock.now(), { zone: TOWN_ZONE });
    if (now.day < this.config.BILLING_RUN_DAY || (now.day === this.config.BILLING_RUN_DAY && now.hour < this.config.BILLING_RUN_HOUR)) return undefined;
    const period = this.previousPeriod();
    const done = await this.db
      .selectFrom('invoicing_billing_runs')
      .select('run_id')
      .where('period', '=', period)
      .where((eb) => eb.or([eb('status', '=', 'completed'), eb('status', '=', 'running')]))
      .executeTakeFirst();
    if (done) return undefined;
    const run = await runInContext(systemContext(), () => this.commands.execute(new StartBillingRun(period, 'schedule')));
    this.logger.info({ runId: run.runId, period }, 'monthly billing run started');
    return run.runId;
  }

  /** The month to bill now: the previous one (Europe/Paris). */
  private previousPeriod(): string {
    const today = parisDate(this.clock.now());
    return addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
  }
}
