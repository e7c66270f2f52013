import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { FixedClock } from '#ardoise/commands';
import { createLogger, loadConfig, startInfrastructure, type Infrastructure } from '#ardoise/runtime';
import { ArdoiseModule } from './ardoise.module.js';
import { ALL_MIGRATIONS } from './migrations.js';
import { seedSchoolYear, type SchoolYearSeedOptions, type SchoolYearSeedReport } from './seed/school-year.seed.js';

export interface SchoolYearApp {
  app: INestApplicationContext;
  infrastructure: Infrastructure;
  clock: FixedClock;
  close(): Promise<void>;
}

/**
 * The whole application (commands, projections following the log unless `ARDOISE_ROLE=api`
 * in `env`) on `databaseUrl`, on a clock the caller moves: what the scaled seed and the
 * benchmarks drive.
 */
export async function openSchoolYearApp(databaseUrl: string | undefined, env: NodeJS.ProcessEnv = {}): Promise<SchoolYearApp> {
  const config = loadConfig({
    ...process.env,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ARDOISE_ROLE: 'all',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    SEED_DEMO: 'false',
    ...env,
  });
  const logger = createLogger(config.LOG_LEVEL);
  const infrastructure = await startInfrastructure(config, logger, ALL_MIGRATIONS);
  const clock = new FixedClock(new Date('2026-08-17T08:00:00Z'));
  const app = await NestFactory.createApplicationContext(ArdoiseModule.register({ infrastructure, logger, clock }), { logger: false });
  await app.init();
  return {
    app,
    infrastructure,
    clock,
    async close() {
      await app.close();
      await infrastructure.stop();
    },
  };
}

/**
 * Seeds a school year into `databaseUrl` (created and migrated if need be) and returns once
 * every read model has caught up. The seed's own process follows no projection while it
 * writes (it catches up the ones its commands read, when they read them: seedSchoolYear), and
 * its sessions commit without waiting for the WAL to reach the disk (`synchronous_commit=off`:
 * a crash of the server may lose the last commits of a seed, which is then run again; nothing
 * else changes, the log stays whole and ordered).
 */
export async function seedSchoolYearInto(databaseUrl: string | undefined, options: SchoolYearSeedOptions): Promise<SchoolYearSeedReport> {
  const url = databaseUrl ?? process.env.DATABASE_URL;
  const opened = await openSchoolYearApp(url ? withoutWaitingForTheDisk(url) : undefined, {
    ARDOISE_ROLE: 'api',
    // Room for the families served at once and the read models catching up.
    DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? '48',
    // A batch job on a busy machine: opening those connections may take more than the API's 2 s,
    // and a service day's group-committed append more than its 5 s (a city's seed failed so, at load 27).
    DATABASE_CONNECT_TIMEOUT_MS: process.env.DATABASE_CONNECT_TIMEOUT_MS ?? '30000',
    DATABASE_QUERY_TIMEOUT_MS: process.env.DATABASE_QUERY_TIMEOUT_MS ?? '60000',
  });
  try {
    return await seedSchoolYear(opened.app, opened.clock, options);
  } finally {
    await opened.close();
  }
}

function withoutWaitingForTheDisk(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `${url.searchParams.get('options') ?? ''} -c synchronous_commit=off`.trim());
  return url.toString();
}
