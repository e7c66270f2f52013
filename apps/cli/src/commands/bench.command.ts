import { runInvoiceBenchmark } from '../../../../bench/invoice.bench.js';
import type { Command } from 'commander';
import { runAppendBenchmark } from '../../../../bench/append.bench.js';
import { runPortalBenchmark } from '../../../../bench/portal.bench.js';
import { runRushBenchmark } from '../../../../bench/rush.bench.js';
import { runRebuildBenchmark } from '../../../../bench/rebuild.bench.js';
import { ALL_MIGRATIONS } from '../../../api/src/migrations.js';
import { ALL_PROJECTORS } from '../../../worker/src/projectors.js';
import { benchDatabase } from './bench-database.js';

/** `ardoise bench <name>`: benchmarks, each compared in the same run with a raw PostgreSQL baseline. */
export function registerBench(program: Command): void {
  const bench = program.command('bench').description('Bancs d’essai (comparés à PostgreSQL brut, même machine, même exécution)');
  bench
    .command('append')
    .description('Ajouts d’événements : concurrence 1, 8, 32 et lots de 100, contre des INSERT bruts')
    .option('-n, --events <n>', 'événements par cas et par tour', (v) => Number.parseInt(v, 10))
    .option('-r, --rounds <n>', 'tours (médiane)', (v) => Number.parseInt(v, 10))
    .action(async (options: { events?: number; rounds?: number }) => {
      const database = await benchDatabase();
      try {
        await runAppendBenchmark({ ...options, databaseUrl: database.url, log: (line: string) => console.log(line) });
      } finally {
        await database.release();
      }
    });
  bench
    .command('rebuild')
    .description('Reconstruction de tous les modèles de lecture sur ~1 000 000 d’événements, contre la simple lecture du journal')
    .option('-n, --events <n>', 'événements à créer (défaut 1 000 000)', (v) => Number.parseInt(v, 10))
    .action(async (options: { events?: number }) => {
      const database = await benchDatabase();
      try {
        await runRebuildBenchmark({
          databaseUrl: database.url,
          events: options.events,
          projectors: ALL_PROJECTORS,
          migrations: ALL_MIGRATIONS,
          log: (line: string) => console.log(line),
        });
      } finally {
        await database.release();
      }
    });
  bench
    .command('rush')
    .description('Ouverture des vacances : N familles valident 5 jours sur une semaine de 300 places, via l’API, contre des INSERT bruts')
    .option('-f, --families <n>', 'familles (2000 par défaut)', (v) => Number.parseInt(v, 10))
    .option('-c, --concurrency <n>', 'requêtes simultanées (64 par défaut)', (v) => Number.parseInt(v, 10))
    .action(async (options: { families?: number; concurrency?: number }) => {
      const database = await benchDatabase();
      try {
        await runRushBenchmark({ databaseUrl: database.url, families: options.families, concurrency: options.concurrency, log: (line) => console.log(line) });
      } finally {
        await database.release();
      }
    });
  bench
    .command('invoice')
    .description('Facturation d’un mois : 2 000 familles, 4 000 enfants, 2 à 3 prestations ; factures/s, durée, pic mémoire, contre des INSERT bruts')
    .option('-f, --families <n>', 'familles (défaut 2 000)', (v) => Number.parseInt(v, 10))
    .action(async (options: { families?: number }) => {
      const database = await benchDatabase();
      try {
        await runInvoiceBenchmark({ databaseUrl: database.url, families: options.families, log: (line: string) => console.log(line) });
      } finally {
        await database.release();
      }
    });
  bench
    .command('portal')
    .description('Lighthouse (mobile, cache vide) sur la page de connexion et les réservations du parent de démonstration ; à lancer après « npm run build »')
    .action(async () => {
      const database = await benchDatabase();
      try {
        await runPortalBenchmark({ databaseUrl: database.url, log: (line: string) => console.log(line) });
      } finally {
        await database.release();
      }
    });
}
