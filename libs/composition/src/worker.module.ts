import { Global, Module, type DynamicModule } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import type { Logger } from 'pino';
import { ProjectionRunner } from '#ardoise/projections';
import { INFRASTRUCTURE, LOGGER, PROJECTION_HEALTH, type Infrastructure } from '#ardoise/runtime';
import { ProjectionLifecycle, RUN_PROJECTIONS } from './projection-lifecycle.js';
import { ALL_PROJECTORS } from './projectors.js';

/**
 * Projections and scheduled jobs. The worker process runs it alone; the embedded default
 * runs it inside the API process. With `runProjections: false` (an API-only process) the
 * runner is still there to report lag and to rebuild on demand, but follows nothing.
 */
@Global()
@Module({})
export class WorkerModule {
  static register(options: { runProjections: boolean }): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ScheduleModule.forRoot()],
      providers: [
        { provide: RUN_PROJECTIONS, useValue: options.runProjections },
        {
          provide: ProjectionRunner,
          inject: [INFRASTRUCTURE, LOGGER],
          useFactory: (infrastructure: Infrastructure, logger: Logger) =>
            new ProjectionRunner({
              pool: infrastructure.pool,
              db: infrastructure.db,
              store: infrastructure.store,
              projectors: ALL_PROJECTORS,
              logger: logger.child({ component: 'projections' }),
            }),
        },
        { provide: PROJECTION_HEALTH, inject: [ProjectionRunner], useFactory: (runner: ProjectionRunner) => () => runner.health() },
        ProjectionLifecycle,
      ],
      exports: [ProjectionRunner, PROJECTION_HEALTH],
    };
  }
}
