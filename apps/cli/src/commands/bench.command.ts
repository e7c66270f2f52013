import { runInvoiceBenchmark } from '../../../../bench/invoice.bench.js';
import type { Command } from 'commander';
import { runAppendBenchmark } from '../../../../bench/append.bench.js';
import { runPortalBenchmark } from '../../../../bench/portal.bench.js';
import { runRushBenchmark } from '../../../../bench/rush.bench.js';
import { runOpenLoopRushBenchmark } from '../../../../bench/rush-open-loop.bench.js';
import { runRebuildBenchmark } from '../../../../bench/rebuild.bench.js';
import { runLagBenchmark } from '../../../../bench/lag.bench.js';
import { runBasketBenchmark } from '../../../../bench/basket.bench.js';
import { ALL_PROJECTORS } from '#ardoise/composition';
import { benchDatabase, keptDatabase } from './bench-database.js';

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
    .description('Reconstruction de tous les modèles de lecture sur une année scolaire réaliste, contre la simple lecture du journal ; vérifiée')
    .option('--scale <town|city>', 'échelle de la commune (défaut city)', 'city')
    .option('--seed <n>', 'graine', (v) => Number.parseInt(v, 10), 1)
    .option('-f, --families <n>', 'familles (remplace l’échelle : essais rapides)', (v) => Number.parseInt(v, 10))
    .option('-m, --months <n>', 'mois joués (défaut 10)', (v) => Number.parseInt(v, 10))
    .option('-c, --concurrency <n>', 'projections reconstruites côte à côte (défaut 4)', (v) => Number.parseInt(v, 10))
    .option('-b, --batch-size <n>', 'événements par transaction de reconstruction (défaut : celui du moteur)', (v) => Number.parseInt(v, 10))
    .option('--held-rows <n>', 'lignes gardées en mémoire d’une page à l’autre avant de les écrire (défaut : celui du moteur)', (v) => Number.parseInt(v, 10))
    .option('--database-url <url>', 'base à utiliser et à garder (créée si absente), au lieu d’une base jetable')
    .option('--reuse-log', 'garde le journal déjà présent dans la base (--database-url) au lieu de semer à nouveau')
    .action(
      async (options: {
        scale: string;
        seed: number;
        families?: number;
        months?: number;
        concurrency?: number;
        batchSize?: number;
        heldRows?: number;
        databaseUrl?: string;
        reuseLog?: boolean;
      }) => {
        if (options.scale !== 'town' && options.scale !== 'city') throw new Error('--scale vaut town ou city');
        if (options.reuseLog && !options.databaseUrl) throw new Error('--reuse-log demande --database-url (une base jetable est vide)');
        const database = options.databaseUrl ? await keptDatabase(options.databaseUrl) : await benchDatabase();
        try {
          const { verified } = await runRebuildBenchmark({
            databaseUrl: database.url,
            scale: options.scale,
            seed: options.seed,
            families: options.families,
            months: options.months,
            concurrency: options.concurrency,
            batchSize: options.batchSize,
            heldRows: options.heldRows,
            reuseLog: options.reuseLog,
            projectors: ALL_PROJECTORS,
            log: (line: string) => console.log(line),
          });
          if (!verified) process.exitCode = 1;
        } finally {
          await database.release();
        }
      },
    );
  bench
    .command('lag')
    .description('Retard des modèles de lecture : 200 commandes/s d’un mélange réaliste pendant 60 s, puis la ruée ; p50/p99 par projection ; vérifié')
    .option('-f, --families <n>', 'familles (défaut 400)', (v) => Number.parseInt(v, 10))
    .option('-r, --rate <n>', 'commandes par seconde (défaut 200)', (v) => Number.parseInt(v, 10))
    .option('-s, --seconds <n>', 'durée du régime établi (défaut 60)', (v) => Number.parseInt(v, 10))
    .option('--trace', 'décompose le retard : commit → NOTIFY → visible → lu → appliqué')
    .action(async (options: { families?: number; rate?: number; seconds?: number; trace?: boolean }) => {
      const database = await benchDatabase();
      try {
        const { verified } = await runLagBenchmark({
          databaseUrl: database.url,
          projectors: ALL_PROJECTORS,
          ...options,
          log: (line: string) => console.log(line),
        });
        if (!verified) process.exitCode = 1;
      } finally {
        await database.release();
      }
    });
  bench
    .command('rush')
    .description('Ouverture des vacances : N familles valident 5 jours sur une semaine de 300 places, via l’API, contre des INSERT bruts')
    .option('-f, --families <n>', 'familles (2000 par défaut)', (v) => Number.parseInt(v, 10))
    .option('-c, --concurrency <n>', 'requêtes simultanées (64 par défaut)', (v) => Number.parseInt(v, 10))
    .option('--open-loop', 'boucle ouverte : les familles arrivent sur une minute (Poisson), chacune avec sa session (5000 par défaut)')
    .option('--sign-in-before <s>', 'boucle ouverte : les parents se connectent pendant les s secondes AVANT l’ouverture, puis valident dans la minute', (v) =>
      Number.parseInt(v, 10),
    )
    .option('--api-cpu-prof <dir>', 'boucle ouverte : le processus de l’API tourne avec --cpu-prof et écrit son profil dans ce dossier')
    .action(async (options: { families?: number; concurrency?: number; openLoop?: boolean; signInBefore?: number; apiCpuProf?: string }) => {
      const database = await benchDatabase();
      try {
        if (options.openLoop)
          await runOpenLoopRushBenchmark({
            databaseUrl: database.url,
            families: options.families,
            signInBeforeSeconds: options.signInBefore,
            apiCpuProfileDir: options.apiCpuProf,
            log: (line) => console.log(line),
          });
        else
          await runRushBenchmark({ databaseUrl: database.url, families: options.families, concurrency: options.concurrency, log: (line) => console.log(line) });
      } finally {
        await database.release();
      }
    });
  bench
    .command('basket')
    .description('Panier d’une famille au fil de l’année : RequestReservations + ValidateBasket de septembre à juin, un flux qui grandit ; médianes par mois')
    .option('-f, --families <n>', 'familles (défaut 12)', (v) => Number.parseInt(v, 10))
    .option('-m, --months <n>', 'mois joués, de septembre (défaut 10)', (v) => Number.parseInt(v, 10))
    .action(async (options: { families?: number; months?: number }) => {
      const database = await benchDatabase();
      try {
        await runBasketBenchmark({ databaseUrl: database.url, ...options, log: (line: string) => console.log(line) });
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
