import type { Command } from 'commander';
import { withInfrastructure } from './with-infrastructure.js';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('Met à jour le schéma de la base (magasin d’événements, modèles de lecture)')
    .action(async () => {
      await withInfrastructure(async () => undefined); // migrations run at start
      console.log('Base à jour.');
    });
}
