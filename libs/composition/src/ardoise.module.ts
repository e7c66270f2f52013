import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { Logger } from 'pino';
import type { Clock } from '#ardoise/commands';
import { CoreModule, type Infrastructure } from '#ardoise/runtime';
import { AuditModule } from '#ardoise/audit';
import { CatalogueModule } from '#ardoise/catalogue';
import { FamiliesModule } from '#ardoise/families';
import { IdentityModule } from '#ardoise/identity';
import { InvoicingModule } from '#ardoise/invoicing';
import { MessagingModule } from '#ardoise/messaging';
import { ReservationsModule } from '#ardoise/reservations';
import { AUDIT_REVEALER, AUDITED_AGGREGATES } from './audited-aggregates.js';
import { FamilyAudienceModule } from './family-audience.module.js';
import { ALL_PROJECTORS } from './projectors.js';
import { WorkerModule } from './worker.module.js';

export interface ArdoiseModuleOptions {
  infrastructure: Infrastructure;
  logger: Logger;
  clock: Clock;
  /** Modules added by tests (e.g. a probe of the command pipeline). */
  extraModules?: Type[];
}

/**
 * Every bounded context wired together with the core, the command bus and the projections:
 * what the API serves over HTTP (apps/api's AppModule adds health, town and the HTTP
 * interceptors) and what the CLI and the benchmarks drive directly.
 */
@Module({})
export class ArdoiseModule {
  static register(options: ArdoiseModuleOptions): DynamicModule {
    const runsProjections = options.infrastructure.config.ARDOISE_ROLE !== 'api';
    return {
      module: ArdoiseModule,
      imports: [
        CoreModule.forRoot(options.infrastructure, options.logger, options.clock),
        CqrsModule.forRoot(),
        WorkerModule.register({ runProjections: runsProjections }),
        IdentityModule,
        AuditModule.register({ projectors: ALL_PROJECTORS, aggregates: AUDITED_AGGREGATES, revealer: AUDIT_REVEALER }),
        CatalogueModule,
        MessagingModule,
        FamilyAudienceModule,
        FamiliesModule,
        ReservationsModule,
        InvoicingModule,
        ...(options.extraModules ?? []),
      ],
    };
  }
}
