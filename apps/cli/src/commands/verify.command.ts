import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { sql, type Kysely } from 'kysely';
import { AuditAnchors, ChainVerifier, ReadModelVerifier, type ChainReport, type ReadModelReport } from '#ardoise/audit';
import { ALL_PROJECTORS } from '#ardoise/composition';
import { withInfrastructure } from './with-infrastructure.js';

/**
 * `ardoise verify [projection…]`: rebuilds read models into scratch tables and compares
 * them with the live ones. `ardoise verify --chain`: recomputes every stream's hash chain
 * and the anchors over $all. Exit code 1 when anything differs.
 */
export function registerVerify(program: Command): void {
  program
    .command('verify [projections...]')
    .description('Vérifie les modèles de lecture (reconstruits à part, comparés table par table) ou, avec --chain, la chaîne d’empreintes des événements')
    .option('--chain', 'recalcule la chaîne d’empreintes de chaque flux et les ancres du journal')
    .option('--rows', 'montre quelques lignes différentes (peuvent contenir des données personnelles)')
    .action(async (projections: string[], options: { chain?: boolean; rows?: boolean }) => {
      const ok = await withInfrastructure(async (infrastructure) => {
        if (options.chain) {
          const anchors = new AuditAnchors(infrastructure.db, infrastructure.store, infrastructure.config.AUDIT_ANCHOR_INTERVAL);
          const total = infrastructure.adapter === 'postgresql' ? await countEvents(infrastructure.db) : null;
          const bar = progressBar('empreintes');
          bar.start(total ?? 1, 0, { speed: 0 });
          const report = await new ChainVerifier(infrastructure.store, anchors).verify({
            onProgress: (p) => {
              bar.setTotal(Math.max(total ?? p.estimatedTotal ?? p.eventsChecked, p.eventsChecked, 1));
              bar.update(p.eventsChecked, { speed: p.eventsPerSecond });
            },
          });
          bar.stop();
          printChainReport(report);
          return report.ok;
        }
        const unknown = projections.filter((p) => !ALL_PROJECTORS.some((q) => q.name === p));
        if (unknown.length > 0)
          throw new Error(`Projection(s) inconnue(s) : ${unknown.join(', ')}. Projections : ${ALL_PROJECTORS.map((p) => p.name).join(', ')}`);
        const bars = new Map<string, cliProgress.SingleBar>();
        const report = await new ReadModelVerifier(infrastructure.db, infrastructure.store, ALL_PROJECTORS).verify(
          {
            includeSamples: options.rows ?? false,
            onProgress: (p) => {
              let bar = bars.get(p.projection);
              if (!bar) {
                bar = progressBar(p.projection);
                bar.start(Math.max(p.estimatedTotal ?? 1, 1), 0, { speed: 0 });
                bars.set(p.projection, bar);
              }
              bar.setTotal(Math.max(p.estimatedTotal ?? p.eventsReplayed, p.eventsReplayed, 1));
              bar.update(p.eventsReplayed, { speed: p.eventsPerSecond });
              if (p.phase === 'done') bar.stop();
            },
          },
          projections.length > 0 ? projections : undefined,
        );
        for (const bar of bars.values()) bar.stop();
        printReadModelReport(report);
        return report.ok;
      });
      if (!ok) process.exitCode = 1;
    });
}

function progressBar(label: string): cliProgress.SingleBar {
  return new cliProgress.SingleBar(
    { format: `${label} |{bar}| {value}/{total} événements · {speed} évt/s · reste {eta_formatted}`, hideCursor: true, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
}

async function countEvents(db: Kysely<any>): Promise<number> {
  const { rows } = await sql<{ n: string }>`SELECT count(*)::text AS n FROM events`.execute(db);
  return Number(rows[0]!.n);
}

function printReadModelReport(report: ReadModelReport): void {
  for (const projection of report.projections) {
    if (projection.problem) {
      console.log(`✗ ${projection.projection} : ${projection.problem}`);
      continue;
    }
    console.log(
      `${projection.equal ? '✓' : '✗'} ${projection.projection} (génération ${projection.liveGeneration}, ${projection.eventsReplayed} événements rejoués, position ${projection.position ?? 'début'})`,
    );
    for (const t of projection.tables) {
      const line = `    ${t.table} : en service ${t.liveRows} lignes ${t.liveChecksum}, reconstruite ${t.rebuiltRows} lignes ${t.rebuiltChecksum}`;
      console.log(
        t.equal
          ? `${line} — identiques`
          : `${line} — DIFFÉRENTES : ${t.onlyInLive} ligne(s) seulement en service, ${t.onlyInRebuilt} seulement dans la reconstruction`,
      );
      for (const row of t.samples?.onlyInLive ?? []) console.log(`      - en service : ${row}`);
      for (const row of t.samples?.onlyInRebuilt ?? []) console.log(`      + reconstruite : ${row}`);
    }
  }
  console.log(report.ok ? 'Modèles de lecture conformes au journal.' : 'Des modèles de lecture diffèrent du journal.');
}

const KIND_LABELS = {
  'hash-mismatch': 'contenu modifié (empreinte recalculée ≠ empreinte stockée)',
  'previous-hash-mismatch': 'maillon remplacé (ne pointe pas vers l’empreinte de l’événement précédent)',
  'missing-event': 'événement manquant (supprimé)',
  'out-of-order': 'événements réordonnés',
} as const;

function printChainReport(report: ChainReport): void {
  console.log(`${report.eventsChecked} événements, ${report.streamsChecked} flux, ${report.anchorsChecked} ancre(s) vérifiés.`);
  for (const b of report.breaks) {
    console.log(`✗ ${b.streamId} révision ${b.revision} (événement ${b.eventId}, position ${b.position}) : ${KIND_LABELS[b.kind]}`);
    console.log(`    attendu ${b.expected}\n    stocké  ${b.stored}`);
  }
  if (report.brokenStreams > report.breaks.length) console.log(`… et ${report.brokenStreams - report.breaks.length} autre(s) flux rompu(s).`);
  const a = report.anchorBreak;
  if (a) {
    console.log(
      a.foundPosition === ''
        ? `✗ ancre n° ${a.sequence} : le journal compte moins de ${a.eventCount} événements (des événements ont disparu)`
        : `✗ ancre n° ${a.sequence} (${a.eventCount} événements, position ${a.storedPosition}) : empreinte cumulée attendue ${a.expected}, stockée ${a.stored}`,
    );
  }
  console.log(report.ok ? 'Chaîne d’empreintes intacte.' : 'La chaîne d’empreintes est rompue.');
}
