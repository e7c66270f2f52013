import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { AggregateRepository, EventOutbox, IdempotencyStore, type Clock } from '#ardoise/commands';
import { AppConfig } from './app-config.js';
import { EventOutboxRelay } from './event-outbox-relay.js';
import type { Infrastructure } from './infrastructure.js';
import { Town } from './town/town.js';
import { CLOCK, DATABASE, EVENT_STORE, INFRASTRUCTURE, LOGGER } from './tokens.js';

/** Makes the connections, the clock and the command pipeline available to every module. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(infrastructure: Infrastructure, logger: Logger, clock: Clock): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: INFRASTRUCTURE, useValue: infrastructure },
        { provide: AppConfig, useValue: infrastructure.config },
        { provide: Town, useFactory: () => Town.load(infrastructure.config) },
        { provide: EVENT_STORE, useValue: infrastructure.store },
        { provide: DATABASE, useValue: infrastructure.db },
        { provide: LOGGER, useValue: logger },
        { provide: CLOCK, useValue: clock },
        { provide: AggregateRepository, useFactory: () => new AggregateRepository(infrastructure.store, clock) },
        { provide: IdempotencyStore, useFactory: () => new IdempotencyStore(infrastructure.db) },
        { provide: EventOutbox, useFactory: () => new EventOutbox(infrastructure.db, infrastructure.store) },
        EventOutboxRelay,
      ],
      exports: [AppConfig, Town, INFRASTRUCTURE, EVENT_STORE, DATABASE, LOGGER, CLOCK, AggregateRepository, IdempotencyStore, EventOutbox],
    };
  }
}
