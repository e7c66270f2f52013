import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Type } from '@nestjs/common';
import { systemClock, type Clock } from '#ardoise/commands';
import { createLogger, loadConfig, startInfrastructure, type Infrastructure } from '#ardoise/runtime';
import { createApp } from '#ardoise/api';
import { ALL_MIGRATIONS } from '#ardoise/composition';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

export interface TestApp {
  baseUrl: string;
  app: NestExpressApplication;
  infrastructure: Infrastructure;
  database: TestDatabase;
  close(): Promise<void>;
}

/**
 * The real application (real PostgreSQL, real HTTP on a free port) on a fresh database, or on
 * `database` (a restart on the same data); `keepDatabase` leaves it on close.
 */
export async function startTestApp(
  options: { extraModules?: Type[]; clock?: Clock; env?: NodeJS.ProcessEnv; database?: TestDatabase; keepDatabase?: boolean } = {},
): Promise<TestApp> {
  const database: TestDatabase = options.database ?? (await createTestDatabase());
  const config = loadConfig({
    DATABASE_URL: database.url,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    PORT: '0',
    DATABASE_POOL_SIZE: '10',
    // Opening a connection: at start, the projections' first builds and a demo seed open the
    // pool's connections side by side, and on a loaded CI runner PostgreSQL was seen to take
    // longer than the API's 2 s (its outage fail-fast, docs/operations-faults.md) to accept one.
    // Waiting for a busy connection is another bound (≥ 10 s): a busy pool queues
    // (libs/database/src/pool.int-spec.ts).
    DATABASE_CONNECT_TIMEOUT_MS: '10000',
    ...options.env,
  });
  const logger = createLogger(config.LOG_LEVEL);
  const infrastructure = await startInfrastructure(config, logger, ALL_MIGRATIONS);
  const app = await createApp(infrastructure, logger, { clock: options.clock ?? systemClock, extraModules: options.extraModules });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    app,
    database,
    infrastructure,
    async close() {
      await app.close();
      await infrastructure.stop();
      if (!options.keepDatabase) await database.drop();
    },
  };
}

/**
 * Polls until `probe` returns a truthy value (projections are eventually consistent). The
 * default bound catches a projection that never catches up, not a loaded CI runner (where a
 * catch-up was seen to take several seconds): it costs nothing when the condition holds.
 */
export async function eventually<T>(probe: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Until every projection runs and has caught up with the log (its first build done): for a suite
 * that ends before the app's start has settled, so that closing the pool interrupts no build.
 */
export async function projectionsCaughtUp(app: TestApp, timeoutMs = 120_000): Promise<void> {
  await eventually(async () => {
    const health = (await (await fetch(`${app.baseUrl}/api/v1/health`)).json()) as { projections?: { lagEvents: number; heartbeatAt: string | null }[] };
    const projections = health.projections ?? [];
    return projections.length > 0 && projections.every((p) => p.heartbeatAt !== null && p.lagEvents === 0);
  }, timeoutMs);
}

/** A response body for assertions. */
export type Json = Record<string, any>;
export const bodyOf = (response: Response): Promise<Json> => response.json() as Promise<Json>;
