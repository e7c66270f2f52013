import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { AppConfig, LOGGER } from '#ardoise/runtime';
import { AuditAnchors } from './audit-anchors.js';

export const ANCHOR_PERIOD_MS = 30_000;

/**
 * Extends the anchors over `$all` in the processes that run the worker (not in API-only
 * ones): at start, then every 30 s. Runs never overlap within a process; several
 * processes may run it, anchors are written once each (audit-anchors.ts).
 */
@Injectable()
export class AnchorSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    @Inject(AuditAnchors) private readonly anchors: AuditAnchors,
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.ARDOISE_ROLE === 'api') return;
    this.tick();
    this.timer = setInterval(() => this.tick(), ANCHOR_PERIOD_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.anchors
      .extend()
      .then((written) => {
        if (written > 0) this.logger.info({ anchors: written }, 'audit anchors written');
      })
      .catch((error: unknown) => this.logger.error({ err: error instanceof Error ? error.message : String(error) }, 'audit anchors failed'))
      .finally(() => {
        this.running = undefined;
      });
  }
}
