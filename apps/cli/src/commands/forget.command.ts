import { CommandBus } from '@nestjs/cqrs';
import { NestFactory } from '@nestjs/core';
import type { Command } from 'commander';
import { runInContext, systemClock, systemContext } from '#ardoise/commands';
import { ForgetFamily } from '#ardoise/families';
import { isUuid } from '#ardoise/kernel';
import { ArdoiseModule } from '#ardoise/composition';
import { withInfrastructure } from './with-infrastructure.js';

/** `ardoise forget <family>`: the RGPD erasure of a family (same command as DELETE /api/v1/admin/families/:id). */
export function registerForget(program: Command): void {
  program
    .command('forget <family>')
    .description('Efface une famille (RGPD) : détruit sa clé, efface ses copies en clair et ses comptes, enregistre FamilyForgotten')
    .action(async (familyId: string) => {
      if (!isUuid(familyId)) throw new Error(`Identifiant de famille invalide : ${String(familyId)}`);
      await withInfrastructure(async (infrastructure, logger) => {
        const app = await NestFactory.createApplicationContext(ArdoiseModule.register({ infrastructure, logger, clock: systemClock }), { logger: false });
        try {
          const commands = app.get(CommandBus);
          const report = await runInContext(systemContext({ userId: 'cli', role: 'system' }), () => commands.execute(new ForgetFamily(familyId)));
          console.log(
            report.alreadyForgotten
              ? `Famille ${familyId} déjà effacée : copies restantes nettoyées.`
              : `Famille ${familyId} effacée (${report.accountsDeleted} compte(s) supprimé(s)).`,
          );
        } finally {
          await app.close();
        }
      });
    });
}
