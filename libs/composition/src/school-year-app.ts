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
 * The whole application (commands, projections following the log) on `databaseUrl`, on a
 * clock the caller moves: what the scaled seed and the benchmarks drive.
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

export async function seedSchoolYearInto(databaseUrl: string | undefined, options: SchoolYearSeedOptions): Promise<SchoolYearSeedReport> {
  // Room for the families served at once and every projection following the log.
  const opened = await openSchoolYearApp(databaseUrl, { DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? '48' });
  try {
    return await seedSchoolYear(opened.app, opened.clock, options);
  } finally {
    await opened.close();
  }
}
