import { NestFactory } from '@nestjs/core';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import express from 'express';
import type { INestApplicationContext } from '@nestjs/common';
import { runInContext, systemClock, systemContext } from '#ardoise/commands';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { formatEuros, PAYFIP_SANDBOX_PATH, payfipSandbox, PERIOD_PATTERN, ReconcileAccounts, StartBillingRun } from '#ardoise/invoicing';
import { ArdoiseModule } from '#ardoise/composition';
import { withInfrastructure } from './with-infrastructure.js';

const CLI_ACTOR = { userId: 'cli', role: 'system' } as const;

async function withApp<T>(work: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  return withInfrastructure(async (infrastructure, logger) => {
    const app = await NestFactory.createApplicationContext(ArdoiseModule.register({ infrastructure, logger, clock: systemClock }), { logger: false });
    try {
      return await runInContext(systemContext(CLI_ACTOR), () => work(app));
    } finally {
      await app.close();
    }
  });
}

/** `ardoise bill`, `ardoise reconcile`, `ardoise payfip-sandbox`. */
export function registerInvoicing(program: Command): void {
  program
    .command('bill')
    .description('Facture un mois terminé (une facture par famille, sans double facturation), avec une barre de progression')
    .requiredOption('--month <AAAA-MM>', 'mois à facturer')
    .action(async (options: { month: string }) => {
      if (!PERIOD_PATTERN.test(options.month)) throw new Error('Mois invalide (format attendu : AAAA-MM).');
      await withApp(async (app) => {
        const bar = new cliProgress.SingleBar(
          {
            format: `Facturation ${options.month} |{bar}| {value}/{total} familles · {issued} émises · {skipped} sans objet ou déjà émises · {failed} en erreur`,
            hideCursor: true,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(1, 0, { issued: 0, skipped: 0, failed: 0 });
        const result = await app.get(CommandBus).execute(
          new StartBillingRun(options.month, 'cli', true, (p) => {
            bar.setTotal(Math.max(p.total, 1));
            bar.update(p.done, { issued: p.issued, skipped: p.skipped, failed: p.failed });
          }),
        );
        bar.stop();
        console.log(
          `${result.issued} facture(s) émise(s) pour ${formatEuros(result.amountCents)} ; ${result.skipped} famille(s) sans facture ; ${result.failed} en erreur.`,
        );
        for (const error of result.errors) console.log(`  - ${error.familyId ?? 'facturation'} : ${error.message}`);
        if (result.status !== 'completed') process.exitCode = 1;
      });
    });

  program
    .command('reconcile')
    .description('Rapprochement : émis − avoirs − payé + remboursé = reste dû, par famille et au total, depuis les modèles de lecture et depuis les événements')
    .option('--as-of <date>', 'à une date passée (AAAA-MM-JJ, fin de journée à Paris) ou un instant ISO 8601')
    .action(async (options: { asOf?: string }) => {
      await withApp(async (app) => {
        const result = await app.get(QueryBus).execute(new ReconcileAccounts(options.asOf));
        const t = result.total.events;
        console.log(`Au ${result.asOf} — ${result.families.length} famille(s)`);
        console.log(
          `Émis ${formatEuros(t.issuedCents)} − avoirs ${formatEuros(t.creditedCents)} − payé ${formatEuros(t.paidCents)} + remboursé ${formatEuros(t.refundedCents)} = reste dû ${formatEuros(t.outstandingCents)}`,
        );
        if (result.differences.length === 0) {
          console.log('Aucun écart entre les modèles de lecture et les événements.');
          return;
        }
        console.log(`${result.differences.length} écart(s) :`);
        for (const d of result.differences)
          console.log(`  - ${d.familyId ?? 'TOTAL'} ${d.field} : lecture ${d.readModelCents} c, événements ${d.eventsCents} c`);
        process.exitCode = 2;
      });
    });

  program
    .command('payfip-sandbox')
    .description('PayFIP en mode test (même protocole, page où choisir payé / refusé / abandonné), seul sur un port')
    .option('-p, --port <port>', 'port', (v) => Number.parseInt(v, 10), 3100)
    .action(async (options: { port: number }) => {
      const app = express();
      app.use(PAYFIP_SANDBOX_PATH, payfipSandbox(systemClock));
      const server = app.listen(options.port, () => {
        const base = `http://localhost:${options.port}${PAYFIP_SANDBOX_PATH}`;
        console.log(`PayFIP de test sur ${base}`);
        console.log(`Pour qu’Ardoise l’utilise : PAYFIP_ENDPOINT=${base}/ws PAYFIP_PAYMENT_URL=${base}/paiement`);
      });
      await new Promise<void>((resolve) => {
        const stop = () => server.close(() => resolve());
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
