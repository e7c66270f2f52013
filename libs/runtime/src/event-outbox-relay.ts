import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { EventOutbox } from '#ardoise/commands';
import { AppConfig } from './app-config.js';
import { LOGGER } from './tokens.js';

const RELAY_EVERY_MS = 10_000;

/** Appends the events a crash left in the outbox (EventOutbox, decision 0012), in the worker. */
@Injectable()
export class EventOutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    @Inject(EventOutbox) private readonly outbox: EventOutbox,
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.ARDOISE_ROLE === 'api') return;
    this.relayNow(0); // what the last crash left, at once
    this.timer = setInterval(() => this.relayNow(), RELAY_EVERY_MS);
    this.timer.unref();
  }

  private relayNow(olderThanMs?: number): void {
    if (this.running) return;
    this.running = this.outbox
      .relay(olderThanMs)
      .then((appended) => {
        if (appended > 0) this.logger.warn({ appended }, 'event outbox: staged events appended after a failure');
      })
      .catch((error) => this.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'event outbox relay failed'))
      .finally(() => (this.running = undefined));
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
