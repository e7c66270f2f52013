import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Logger } from 'pino';
import type { Kysely } from 'kysely';
import { DATABASE } from '#ardoise/database';
import { AppConfig, LOGGER, recordJobRun } from '#ardoise/runtime';
import { ExtendAnchors } from '../commands/extend-anchors/extend-anchors.command.js';
import type { AuditDatabase } from '../projections/audit-database.js';

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
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(DATABASE) private readonly db: Kysely<AuditDatabase>,
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
    this.running = this.commands
      .execute(new ExtendAnchors())
      .then(async (written) => {
        if (written > 0) this.logger.info({ anchors: written }, 'audit anchors written');
        await recordJobRun(this.db, 'audit-anchors', 'ok', new Date(Date.now() + ANCHOR_PERIOD_MS), written > 0 ? `${written} ancre(s) écrite(s)` : undefined);
      })
      .catch(async (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        this.logger.error({ err: message }, 'audit anchors failed');
        await recordJobRun(this.db, 'audit-anchors', 'failed', new Date(Date.now() + ANCHOR_PERIOD_MS), message);
      })
      .finally(() => {
        this.running = undefined;
      });
  }
}
