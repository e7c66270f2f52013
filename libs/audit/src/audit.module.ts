import { Module, type DynamicModule, type InjectionToken, type ModuleMetadata, type OnApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { EventStore } from '#ardoise/event-store';
import type { Projector } from '#ardoise/projections';
import { AppConfig, DATABASE, EVENT_STORE, LOGGER } from '#ardoise/runtime';
import { EVENT_REVEALER, storedDataRevealer, type EventRevealer } from './event-revealer.js';
import { EventBrowser } from './browse/event-browser.js';
import { EventLookup } from './browse/event-lookup.js';
import { AuditedAggregates, type AuditedAggregate } from './state/audited-aggregates.js';
import { StateAsOf } from './state/state-as-of.js';
import { AuditAnchors } from './chain/audit-anchors.js';
import { ChainVerifier } from './chain/chain-verifier.js';
import { ReadModelVerifier } from './read-models/read-model-verifier.js';
import { AnchorSchedule } from './jobs/anchor-schedule.js';
import { AuditJobs } from './jobs/audit-jobs.js';
import { ReportSigner } from './report/report-signer.js';
import type { AuditDatabase } from './projections/audit-database.js';
import { AuditJobsController } from './http/audit-jobs.controller.js';
import { BrowseEventsController } from './http/browse-events.controller.js';
import { ExportEventsController } from './http/export-events.controller.js';
import { StateAsOfController } from './http/state-as-of.controller.js';
import { ExtendAnchorsHandler } from './commands/extend-anchors/extend-anchors.handler.js';
import { StartRebuildHandler } from './commands/start-rebuild/start-rebuild.handler.js';
import { StartVerificationHandler } from './commands/start-verification/start-verification.handler.js';
import { BrowseEventsHandler } from './queries/browse-events/browse-events.handler.js';
import { DownloadVerificationReportHandler } from './queries/download-verification-report/download-verification-report.handler.js';
import { ExportEventsHandler } from './queries/export-events/export-events.handler.js';
import { FindEventHandler } from './queries/find-event/find-event.handler.js';
import { GetJobHandler } from './queries/get-job/get-job.handler.js';
import { GetReportKeyHandler } from './queries/get-report-key/get-report-key.handler.js';
import { ListAnchorsHandler } from './queries/list-anchors/list-anchors.handler.js';
import { ListJobsHandler } from './queries/list-jobs/list-jobs.handler.js';
import { GetStateAsOfHandler } from './queries/state-as-of/state-as-of.handler.js';
import { TraceCausationHandler } from './queries/trace-causation/trace-causation.handler.js';

export interface AuditModuleOptions {
  /** Every projector of the app (ALL_PROJECTORS): what `verify` rebuilds and compares. */
  projectors: readonly Projector[];
  /** Deciders to fold streams with, by category (state as of a date). */
  aggregates?: readonly AuditedAggregate[];
  /**
   * How auditors see events' data (e.g. decrypted while the family's key exists). Default:
   * as stored. A factory so that it can use another module's providers (a key store).
   */
  revealer?: { imports?: ModuleMetadata['imports']; inject?: InjectionToken[]; useFactory: (...deps: any[]) => EventRevealer | Promise<EventRevealer> };
}

@Injectable()
class AuditJobsShutdown implements OnApplicationShutdown {
  constructor(@Inject(AuditJobs) private readonly jobs: AuditJobs) {}
  async onApplicationShutdown(): Promise<void> {
    await this.jobs.stop();
  }
}

/** Audit and replay (docs/architecture.md §4): browse, state as of a date, rebuild/verify, tamper evidence, export. */
@Module({})
export class AuditModule {
  static register(options: AuditModuleOptions): DynamicModule {
    return {
      module: AuditModule,
      imports: [...(options.revealer?.imports ?? [])],
      controllers: [BrowseEventsController, StateAsOfController, AuditJobsController, ExportEventsController],
      providers: [
        options.revealer
          ? { provide: EVENT_REVEALER, inject: options.revealer.inject ?? [], useFactory: options.revealer.useFactory }
          : { provide: EVENT_REVEALER, useValue: storedDataRevealer },
        { provide: AuditedAggregates, useFactory: () => new AuditedAggregates(options.aggregates ?? []) },
        {
          provide: EventBrowser,
          inject: [EVENT_STORE, EVENT_REVEALER],
          useFactory: (store: EventStore, revealer: EventRevealer) => new EventBrowser(store, revealer),
        },
        {
          provide: EventLookup,
          inject: [EVENT_STORE, DATABASE, EVENT_REVEALER],
          useFactory: (store: EventStore, db: Kysely<AuditDatabase>, revealer: EventRevealer) => new EventLookup(store, db, revealer),
        },
        {
          provide: StateAsOf,
          inject: [EVENT_STORE, AuditedAggregates, EVENT_REVEALER],
          useFactory: (store: EventStore, aggregates: AuditedAggregates, revealer: EventRevealer) => new StateAsOf(store, aggregates, revealer),
        },
        {
          provide: AuditAnchors,
          inject: [DATABASE, EVENT_STORE, AppConfig],
          useFactory: (db: Kysely<AuditDatabase>, store: EventStore, config: AppConfig) => new AuditAnchors(db, store, config.AUDIT_ANCHOR_INTERVAL),
        },
        {
          provide: ChainVerifier,
          inject: [EVENT_STORE, AuditAnchors],
          useFactory: (store: EventStore, anchors: AuditAnchors) => new ChainVerifier(store, anchors),
        },
        {
          provide: ReadModelVerifier,
          inject: [DATABASE, EVENT_STORE],
          useFactory: (db: Kysely<AuditDatabase>, store: EventStore) => new ReadModelVerifier(db, store, options.projectors),
        },
        {
          provide: AuditJobs,
          inject: [DATABASE, LOGGER],
          useFactory: (db: Kysely<AuditDatabase>, logger: Logger) => new AuditJobs(db, logger.child({ component: 'audit' })),
        },
        { provide: ReportSigner, inject: [DATABASE], useFactory: (db: Kysely<AuditDatabase>) => new ReportSigner(db) },
        AnchorSchedule,
        AuditJobsShutdown,
        StartRebuildHandler,
        StartVerificationHandler,
        ExtendAnchorsHandler,
        BrowseEventsHandler,
        FindEventHandler,
        TraceCausationHandler,
        GetStateAsOfHandler,
        ExportEventsHandler,
        ListJobsHandler,
        GetJobHandler,
        DownloadVerificationReportHandler,
        GetReportKeyHandler,
        ListAnchorsHandler,
      ],
      exports: [EVENT_REVEALER, AuditedAggregates, AuditAnchors, AuditJobs, ChainVerifier, ReadModelVerifier, StateAsOf, EventBrowser],
    };
  }
}
