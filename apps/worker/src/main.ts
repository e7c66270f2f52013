import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { Module } from '@nestjs/common';
import { systemClock } from '#ardoise/commands';
import { ConfigurationError, CoreModule, createLogger, loadConfig, NestPinoLogger, startInfrastructure } from '#ardoise/runtime';
import { MessagingModule } from '#ardoise/messaging';
import { FamilyPrivacyModule, FamilyQuotientModule } from '#ardoise/families';
import { IdentityModule } from '#ardoise/identity';
import { ALL_MIGRATIONS, FamilyAudienceModule, WorkerModule } from '#ardoise/composition';

/** A worker process: projections and scheduled jobs, no HTTP (scale-out deployments). */
async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, ARDOISE_ROLE: 'worker' });
  const logger = createLogger(config.LOG_LEVEL);
  const infrastructure = await startInfrastructure(config, logger, ALL_MIGRATIONS);

  @Module({
    // Messaging's modules bring their controllers' guards and ports along: their providers must resolve here too.
    imports: [
      CoreModule.forRoot(infrastructure, logger, systemClock),
      CqrsModule.forRoot(),
      WorkerModule.register({ runProjections: true }),
      IdentityModule,
      MessagingModule,
      FamilyAudienceModule,
      FamilyPrivacyModule,
      FamilyQuotientModule,
    ],
  })
  class WorkerProcessModule {}

  const app = await NestFactory.createApplicationContext(WorkerProcessModule, { logger: new NestPinoLogger(logger) });
  logger.info({ eventStore: infrastructure.adapter }, 'Ardoise worker started');
  const stop = async () => {
    await app.close();
    await infrastructure.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((error) => {
  console.error(error instanceof ConfigurationError ? error.message : error);
  process.exit(1);
});
