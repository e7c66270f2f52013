import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { Logger } from 'pino';
import { CLOCK, type Clock } from '#ardoise/commands';
import type { Kysely } from 'kysely';
import { DATABASE } from '#ardoise/database';
import { AppConfig, LOGGER, recordJobRun } from '#ardoise/runtime';
import { RepairPayfipOperations } from '../commands/repair-payfip-operations/repair-payfip-operations.command.js';
import { PAYFIP_SANDBOX_PATH, payfipSandbox } from '../payments/payfip/payfip-sandbox.js';
import type { InvoicingDatabase } from '../projections/invoicing-database.js';

const REPAIR_EVERY_MS = 60_000;

/** Serves the test-mode PayFIP when no real one is configured, and runs the repair job. */
@Injectable()
export class PayfipJobs implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(HttpAdapterHost) private readonly http: HttpAdapterHost,
    @Inject(SchedulerRegistry) private readonly registry: SchedulerRegistry,
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(DATABASE) private readonly db: Kysely<InvoicingDatabase>,
  ) {}

  onModuleInit(): void {
    // Before Nest adds its "not found" handler, so the double's routes are reached.
    const app = this.http.httpAdapter?.getInstance?.();
    if (!this.config.PAYFIP_ENDPOINT && app) app.use(PAYFIP_SANDBOX_PATH, payfipSandbox(this.clock));
  }

  onApplicationBootstrap(): void {
    if (this.config.ARDOISE_ROLE === 'api') return;
    const timer = setInterval(() => void this.repair(), REPAIR_EVERY_MS);
    timer.unref();
    this.registry.addInterval('invoicing-payfip-repair', timer);
  }

  /** One pass of the repair job, recorded for the admins' health page (job_runs). */
  private async repair(): Promise<void> {
    const next = () => new Date(Date.now() + REPAIR_EVERY_MS);
    try {
      await this.commands.execute(new RepairPayfipOperations('schedule'));
      await recordJobRun(this.db, 'payfip-repair', 'ok', next());
    } catch (error) {
      this.logger.warn({ err: String(error) }, 'PayFIP repair failed');
      await recordJobRun(this.db, 'payfip-repair', 'failed', next(), error instanceof Error ? error.message : String(error));
    }
  }

  onApplicationShutdown(): void {
    if (this.registry.doesExist('interval', 'invoicing-payfip-repair')) this.registry.deleteInterval('invoicing-payfip-repair');
  }
}
