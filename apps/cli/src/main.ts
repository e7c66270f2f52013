import 'reflect-metadata';
import { Command } from 'commander';
import { ConfigurationError } from '#ardoise/runtime';
import { registerBench } from './commands/bench.command.js';
import { registerInvoicing } from './commands/invoicing.command.js';
import { registerExport } from './commands/export.command.js';
import { registerForget } from './commands/forget.command.js';
import { registerMigrate } from './commands/migrate.command.js';
import { registerRebuild } from './commands/rebuild.command.js';
import { registerSeed } from './commands/seed.command.js';
import { registerVerify } from './commands/verify.command.js';

const program = new Command().name('ardoise').description('Ardoise — outils d’exploitation (base, projections, bancs d’essai)').showHelpAfterError();

registerMigrate(program);
registerSeed(program);
registerRebuild(program);
registerVerify(program);
registerExport(program);
registerForget(program);
registerBench(program);
registerInvoicing(program);

program.parseAsync(process.argv).then(
  () => process.exit(process.exitCode ?? 0),
  (error) => {
    console.error(error instanceof ConfigurationError ? error.message : error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
