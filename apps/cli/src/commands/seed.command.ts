import { NestFactory } from '@nestjs/core';
import type { Command } from 'commander';
import { systemClock } from '#ardoise/commands';
import { ArdoiseModule, seedDemoTown, seedSchoolYearInto } from '#ardoise/composition';
import { withInfrastructure } from './with-infrastructure.js';

export function registerSeed(program: Command): void {
  program
    .command('seed')
    .description('Crée la commune de démonstration (sans rien dupliquer si elle existe déjà) ; avec --scale, une année scolaire entière')
    .option('--scale <town|city>', 'une année scolaire par les vraies commandes : town ≈ 5 000 familles, city ≥ 1 000 000 d’événements')
    .option('--seed <n>', 'graine (même graine, même commune)', (v) => Number.parseInt(v, 10), 1)
    .option('--families <n>', 'nombre de familles (remplace celui de l’échelle)', (v) => Number.parseInt(v, 10))
    .option('--months <n>', 'mois joués, de septembre (défaut 10)', (v) => Number.parseInt(v, 10))
    .option('--concurrency <n>', 'familles servies à la fois (défaut 128 ; le résultat ne dépend pas de ce nombre)', (v) => Number.parseInt(v, 10))
    .action(async (options: { scale?: string; seed: number; families?: number; months?: number; concurrency?: number }) => {
      if (options.scale) {
        if (options.scale !== 'town' && options.scale !== 'city') throw new Error('--scale vaut town ou city');
        const report = await seedSchoolYearInto(process.env.DATABASE_URL, {
          scale: options.scale,
          seed: options.seed,
          families: options.families,
          months: options.months,
          concurrency: options.concurrency,
          log: (line) => console.log(line),
        });
        console.log(
          `Année scolaire « ${options.scale} » : ${report.families} familles, ${report.events} événements écrits en ${report.writeSeconds.toFixed(0)} s (${Math.round(report.events / report.writeSeconds)} événements/s), ` +
            `vues à jour en ${report.seconds.toFixed(0)} s au total (${Math.round(report.events / report.seconds)} événements/s).`,
        );
        return;
      }
      await withInfrastructure(async (infrastructure, logger) => {
        const app = await NestFactory.createApplicationContext(ArdoiseModule.register({ infrastructure, logger, clock: systemClock }), { logger: false });
        try {
          const { created } = await seedDemoTown(app, logger);
          console.log(`Commune de démonstration : ${created} élément(s) créé(s).`);
        } finally {
          await app.close();
        }
      });
    });
}
