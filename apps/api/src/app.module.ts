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
import { WorkerModule } from '../../worker/src/worker.module.js';
import { ALL_PROJECTORS } from '../../worker/src/projectors.js';
import { AUDIT_REVEALER, AUDITED_AGGREGATES } from './audited-aggregates.js';
import { HealthModule } from './health/health.module.js';
import { IdempotencyInterceptor } from './http/idempotency.interceptor.js';
import { TownModule } from './town/town.module.js';
import { ReadYourWritesInterceptor } from './http/read-your-writes.interceptor.js';

export interface AppModuleOptions {
  infrastructure: Infrastructure;
  logger: Logger;
  clock: Clock;
  /** Modules added by tests (e.g. a probe of the command pipeline). */
  extraModules?: Type[];
}

/** Wires the bounded contexts together; the libraries hold the logic. */
@Module({})
export class AppModule {
  static register(options: AppModuleOptions): DynamicModule {
    const runsProjections = options.infrastructure.config.ARDOISE_ROLE !== 'api';
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(options.infrastructure, options.logger, options.clock),
        CqrsModule.forRoot(),
        WorkerModule.register({ runProjections: runsProjections }),
        IdentityModule,
        HealthModule,
        TownModule,
        AuditModule.register({ projectors: ALL_PROJECTORS, aggregates: AUDITED_AGGREGATES, revealer: AUDIT_REVEALER }),
        CatalogueModule,
        MessagingModule,
        FamiliesModule,
        ReservationsModule,
        InvoicingModule,
        ...(options.extraModules ?? []),
      ],
      providers: [IdempotencyInterceptor, ReadYourWritesInterceptor],
    };
  }
}
