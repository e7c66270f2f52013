import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { assertExportable, exportNdjson, type ExportRequest } from '#ardoise/audit';
import { withInfrastructure } from './with-infrastructure.js';

const date = (value: string): Date => {
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) throw new Error(`Date invalide : ${value} (ISO 8601 attendu, ex. 2026-09-01)`);
  return parsed;
};
const list = (value: string): string[] =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

/** `ardoise export`: events as NDJSON (as stored, with positions and hashes), streamed to stdout or a file. */
export function registerExport(program: Command): void {
  program
    .command('export')
    .description('Exporte des événements en NDJSON (tels que stockés, avec positions et empreintes), vers la sortie standard ou un fichier')
    .option('--stream <id>', 'un flux (ex. service-CANTINE)')
    .option('--category <list>', 'catégories de flux, séparées par des virgules (ex. family,invoice)', list)
    .option('--type <list>', 'types d’événements, séparés par des virgules', list)
    .option('--from <date>', 'depuis cet instant (inclus)', date)
    .option('--to <date>', 'jusqu’à cet instant (exclu)', date)
    .option('-o, --output <file>', 'fichier de sortie (défaut : sortie standard)')
    .action(async (options: { stream?: string; category?: string[]; type?: string[]; from?: Date; to?: Date; output?: string }) => {
      // Logs go to stdout: keep it for the export when that is where it goes.
      if (!options.output) process.env.LOG_LEVEL = 'silent';
      await withInfrastructure(async (infrastructure) => {
        const request: ExportRequest = {
          streamId: options.stream,
          criteria: { categories: options.category, eventTypes: options.type, from: options.from, to: options.to },
        };
        await assertExportable(infrastructure.store, request);
        let count = 0;
        const lines = (async function* () {
          for await (const line of exportNdjson(infrastructure.store, request)) {
            count += 1;
            yield line;
          }
        })();
        // pipeline waits for the file (or the pipe) to take each chunk: memory stays flat.
        try {
          await pipeline(Readable.from(lines), options.output ? createWriteStream(options.output) : process.stdout, { end: Boolean(options.output) });
        } catch (error) {
          // The reader went away (`ardoise export | head`): stop reading the store, quietly.
          if ((error as { code?: string }).code !== 'EPIPE') throw error;
          return;
        }
        process.stderr.write(`${count} événement(s) exporté(s)${options.output ? ` dans ${options.output}` : ''}.\n`);
      });
    });
}
