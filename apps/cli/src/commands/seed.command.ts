import { NestFactory } from '@nestjs/core';
import type { Command } from 'commander';
import { systemClock } from '#ardoise/commands';
import { AppModule } from '../../../api/src/app.module.js';
import { seedDemoTown } from '../../../api/src/seed/demo-town.seed.js';
import { withInfrastructure } from './with-infrastructure.js';

export function registerSeed(program: Command): void {
  program
    .command('seed')
    .description('Crée la commune de démonstration (sans rien dupliquer si elle existe déjà)')
    .action(async () => {
      await withInfrastructure(async (infrastructure, logger) => {
        const app = await NestFactory.createApplicationContext(
          AppModule.register({ infrastructure, logger, clock: systemClock }),
          { logger: false },
        );
        try {
          const { created } = await seedDemoTown(app, logger);
          console.log(`Commune de démonstration : ${created} élément(s) créé(s).`);
        } finally {
          await app.close();
        }
      });
    });
}
