import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { QueryBus } from '@nestjs/cqrs';
import type { AdminHealth } from '#ardoise/contracts';
import { CLOCK, type Clock } from '#ardoise/commands';
import { Roles } from '#ardoise/identity';
import { GetOutboxSummary } from '#ardoise/messaging';
import { AppConfig, INFRASTRUCTURE, type Infrastructure } from '#ardoise/runtime';
import { HealthService } from './health.service.js';
import { LAG_SAMPLE_SECONDS, LagSampler } from './lag-sampler.js';
import { scheduledJobs } from './scheduled-jobs.js';

/** The admins' health page (/admin/sante): the public report plus what staff need; auditors read it too (they read everything). */
@ApiTags('exploitation')
@Controller('admin/health')
@Roles('admin', 'auditor')
export class AdminHealthController {
  constructor(
    @Inject(HealthService) private readonly health: HealthService,
    @Inject(LagSampler) private readonly samples: LagSampler,
    @Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure,
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: "Santé de l'instance : projections (retard sur une heure), journal, boîte d'envoi, tâches planifiées" })
  async get(): Promise<AdminHealth> {
    const db = this.infrastructure.db;
    const outbox = await this.queries.execute(new GetOutboxSummary());
    const [report, lagSamples, eventStore, jobs] = await Promise.all([
      this.health.report(),
      this.samples.lastHour(),
      this.eventStore(),
      scheduledJobs(db, this.queries, outbox, this.config, this.clock.now()),
    ]);
    const byStatus = outbox.byStatus;
    return {
      report,
      lagSamples,
      sampleEverySeconds: LAG_SAMPLE_SECONDS,
      eventStore,
      outbox: { pending: byStatus.pending, held: byStatus.held, failed: byStatus.failed, sent: byStatus.sent },
      jobs,
    };
  }

  /** The last event (any adapter) and the number of events where the adapter can count them. */
  private async eventStore(): Promise<AdminHealth['eventStore']> {
    const { store, adapter } = this.infrastructure;
    let lastRecordedAt: string | null = null;
    for await (const event of store.readAll({ direction: 'backwards', maxCount: 1 })) lastRecordedAt = event.recordedAt.toISOString();
    const events = await store.eventCount();
    return { adapter, events, lastRecordedAt };
  }
}
