import { Module, type DynamicModule } from '@nestjs/common';
import { ArdoiseModule, type ArdoiseModuleOptions } from '#ardoise/composition';
import { HealthModule } from './health/health.module.js';
import { IdempotencyInterceptor } from './http/idempotency.interceptor.js';
import { TownModule } from './town/town.module.js';
import { ReadYourWritesInterceptor } from './http/read-your-writes.interceptor.js';

export type AppModuleOptions = ArdoiseModuleOptions;

/** The HTTP API: every context (libs/composition) plus health, the town and the HTTP interceptors. */
@Module({})
export class AppModule {
  static register(options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [ArdoiseModule.register(options), HealthModule, TownModule],
      providers: [IdempotencyInterceptor, ReadYourWritesInterceptor],
    };
  }
}
