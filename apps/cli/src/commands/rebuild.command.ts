import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { ProjectionRunner, type RebuildProgress } from '#ardoise/projections';
import { ALL_PROJECTORS } from '#ardoise/composition';
import { withInfrastructure } from './with-infrastructure.js';

export function registerRebuild(program: Command): void {
  program
    .command('rebuild [projection]')
    .description('Reconstruit un modèle de lecture depuis zéro (tables versionnées, bascule une fois à jour, sans arrêter l’API)')
    .option('--all', 'toutes les projections')
    .action(async (projection: string | undefined, options: { all?: boolean }) => {
      const names = options.all ? ALL_PROJECTORS.map((p) => p.name) : projection ? [projection] : [];
      if (names.length === 0) {
        throw new Error(`Précisez une projection ou --all. Projections : ${ALL_PROJECTORS.map((p) => p.name).join(', ')}`);
      }
      await withInfrastructure(async (infrastructure, logger) => {
        const runner = new ProjectionRunner({
          pool: infrastructure.pool,
          db: infrastructure.db,
          store: infrastructure.store,
          projectors: ALL_PROJECTORS,
          logger: logger.child({ component: 'projections' }),
        });
        for (const name of names) {
          const bar = new cliProgress.SingleBar(
            { format: `${name} |{bar}| {value}/{total} événements · {speed} évt/s · reste {eta_formatted} · {phase}`, hideCursor: true },
            cliProgress.Presets.shades_classic,
          );
          bar.start(1, 0, { speed: 0, phase: 'relecture' });
          const update = (progress: RebuildProgress) => {
            const total = Math.max(progress.estimatedTotal ?? progress.eventsApplied, progress.eventsApplied, 1);
            bar.setTotal(total);
            bar.update(progress.eventsApplied, {
              speed: Math.round(progress.eventsPerSecond),
              phase: { replaying: 'relecture', indexing: 'index', switching: 'bascule', done: 'terminé' }[progress.phase],
            });
          };
          const generation = await runner.rebuild(name, update);
          bar.stop();
          console.log(`${name} : génération ${generation.generation} active.`);
        }
        await runner.stop();
      });
    });
}
