import { sql, type Kysely, type Transaction } from 'kysely';
import { ConflictError } from '#ardoise/kernel';
import type { EventStore, RecordedEvent } from '#ardoise/event-store';
import { applyEvents, generationRegistry, physicalTableName, type Generation, type Projector } from '#ardoise/projections';
import { rowsOnlyIn, tableChecksum } from './table-checksum.js';
import type { AuditDatabase } from '../projections/audit-database.js';

export interface TableComparison {
  table: string;
  liveRows: number;
  rebuiltRows: number;
  liveChecksum: string;
  rebuiltChecksum: string;
  equal: boolean;
  /** Rows the live table has and the rebuilt one lacks, and the reverse (0 when equal). */
  onlyInLive: number;
  onlyInRebuilt: number;
  /** A few differing rows as text, only when asked (they may hold personal data). */
  samples?: { onlyInLive: string[]; onlyInRebuilt: string[] };
}

export interface ProjectionComparison {
  projection: string;
  equal: boolean;
  /** Why no table comparison was possible, in French; null when compared. */
  problem: string | null;
  liveGeneration: number | null;
  /** Encoded position both sides were compared at. */
  position: string | null;
  eventsReplayed: number;
  tables: TableComparison[];
}

export interface ReadModelReport {
  ok: boolean;
  projections: ProjectionComparison[];
}

export interface VerifyProgress {
  projection: string;
  phase: 'replaying' | 'comparing' | 'done';
  eventsReplayed: number;
  /** Events the live generation has applied (what the replay will reach, about). */
  estimatedTotal: number | null;
  eventsPerSecond: number;
}

export interface ReadModelVerifierOptions {
  batchSize?: number;
  /** Show a few differing rows (CLI on the server); off for reports stored by the API. */
  includeSamples?: boolean;
  onProgress?: (progress: VerifyProgress) => void;
  signal?: AbortSignal;
}

const SCRATCH_SUFFIX = '__verify';
const LOCK = 'ardoise:audit:verify-read-models';
/** Tries to align outside the lock before finishing the catch-up under it. */
const MAX_ALIGN_ATTEMPTS = 4;

/**
 * `ardoise verify`: replays each projector from the start of the log into scratch tables
 * (`<table>__verify`) up to exactly the live generation's checkpoint, then, in one
 * transaction that holds the live generation's registry row (so no live batch commits
 * meanwhile), compares each scratch table with the live one: row count and checksum, and
 * the number of rows only on one side. Works under live traffic (on a busy log, the last
 * few events are replayed under that lock, holding the live projection for that long). Scratch tables are dropped
 * afterwards. One verification at a time (advisory lock).
 */
export class ReadModelVerifier {
  constructor(
    private readonly db: Kysely<AuditDatabase>,
    private readonly store: EventStore,
    private readonly projectors: readonly Projector[],
  ) {}

  async verify(options: ReadModelVerifierOptions = {}, only?: string[]): Promise<ReadModelReport> {
    const chosen = only ? this.projectors.filter((p) => only.includes(p.name)) : this.projectors;
    return this.db.connection().execute(async (session) => {
      const { rows } = await sql<{ locked: boolean }>`SELECT pg_try_advisory_lock(hashtext(${LOCK})) AS locked`.execute(session);
      if (!rows[0]?.locked) {
        throw new ConflictError('AUDIT.VERIFICATION_RUNNING', 'Une vérification des modèles de lecture est déjà en cours.');
      }
      try {
        const projections: ProjectionComparison[] = [];
        for (const projector of chosen) {
          options.signal?.throwIfAborted();
          projections.push(await this.verifyOne(projector, options));
        }
        return { ok: projections.every((p) => p.equal), projections };
      } finally {
        await sql`SELECT pg_advisory_unlock(hashtext(${LOCK}))`.execute(session);
      }
    });
  }

  private async verifyOne(projector: Projector, options: ReadModelVerifierOptions): Promise<ProjectionComparison> {
    const base = { projection: projector.name, equal: false, liveGeneration: null, position: null, eventsReplayed: 0, tables: [] };
    const live = await generationRegistry.active(this.db, projector.name);
    if (!live) return { ...base, problem: "Ce modèle de lecture n'a pas encore de génération active." };
    if (live.version !== projector.version) {
      return {
        ...base,
        liveGeneration: live.generation,
        problem: `La génération active a été écrite par la version ${live.version} du projecteur, le code est en version ${projector.version} : reconstruisez-la d'abord.`,
      };
    }
    const scratch = Object.fromEntries(projector.tables.map((t) => [t.name, `${t.name}${SCRATCH_SUFFIX}`]));
    const started = Date.now();
    let replayed = 0;
    const report = (phase: VerifyProgress['phase']) =>
      options.onProgress?.({
        projection: projector.name,
        phase,
        eventsReplayed: replayed,
        estimatedTotal: live.eventsApplied,
        eventsPerSecond: Math.round((replayed * 1000) / Math.max(1, Date.now() - started)),
      });
    await this.dropScratch(scratch);
    try {
      for (const table of projector.tables) await table.create(this.db, scratch[table.name]!);
      let position: string | null = null;
      const applied = (n: number) => {
        replayed += n;
        report('replaying');
      };
      const inOwnTransactions = (events: RecordedEvent[]) => this.db.transaction().execute((trx) => applyEvents(trx, projector, scratch, events));
      for (let attempt = 1; ; attempt++) {
        // Catch up with the live checkpoint as it is now, without passing it.
        const target = (await generationRegistry.active(this.db, projector.name))?.position ?? null;
        position = await this.replay(projector, position, target, options, inOwnTransactions, applied);
        report('comparing');
        const lastTry = attempt >= MAX_ALIGN_ATTEMPTS;
        const result = await this.db.transaction().execute(async (trx) => {
          const current = await generationRegistry.lockActive(trx, projector.name);
          if (!current || current.version !== projector.version) return 'changed' as const;
          if (current.position !== position) {
            if (!lastTry) return 'moved' as const;
            // Busy log: finish the catch-up under the lock (live batches wait for us meanwhile).
            const inThisTransaction = (events: RecordedEvent[]) => applyEvents(trx, projector, scratch, events);
            position = await this.replay(projector, position, current.position, options, inThisTransaction, applied);
            if (current.position !== position) return 'changed' as const;
          }
          return this.compare(trx, projector, current, scratch, options.includeSamples ?? false);
        });
        if (result === 'changed') {
          return { ...base, problem: 'La génération active a changé pendant la vérification (reconstruction ?) : relancez la vérification.' };
        }
        if (result !== 'moved') {
          report('done');
          return { ...base, ...result, liveGeneration: live.generation, position, eventsReplayed: replayed, problem: null };
        }
      }
    } finally {
      await this.dropScratch(scratch);
    }
  }

  /** Applies the projector's events after `from` up to `target` (inclusive) through `apply`; answers the position reached. */
  private async replay(
    projector: Projector,
    from: string | null,
    target: string | null,
    options: ReadModelVerifierOptions,
    apply: (events: RecordedEvent[]) => Promise<unknown>,
    onApplied: (count: number) => void,
  ): Promise<string | null> {
    const { positions } = this.store;
    if (target === null) return from;
    const targetPosition = positions.decode(target);
    let position = from;
    const batchSize = options.batchSize ?? 500;
    while (position === null || positions.compare(positions.decode(position), targetPosition) < 0) {
      options.signal?.throwIfAborted();
      const events: RecordedEvent[] = [];
      const fromPosition = position === null ? undefined : positions.decode(position);
      for await (const event of this.store.readAll({ fromPosition, maxCount: batchSize, filter: projector.filter })) {
        if (positions.compare(event.position, targetPosition) > 0) break;
        events.push(event);
      }
      // None of the projector's events left up to the target: replayed up to it, even when the
      // live checkpoint lies past its last own event (a rebuild checkpoints at the end of its read).
      if (events.length === 0) return target;
      await apply(events);
      position = positions.encode(events[events.length - 1]!.position);
      onApplied(events.length);
    }
    return position;
  }

  private async compare(
    trx: Transaction<AuditDatabase>,
    projector: Projector,
    live: Generation,
    scratch: Record<string, string>,
    includeSamples: boolean,
  ): Promise<Pick<ProjectionComparison, 'equal' | 'tables'>> {
    const tables: TableComparison[] = [];
    for (const table of projector.tables) {
      const livePhysical = physicalTableName(table.name, live.generation);
      const rebuilt = scratch[table.name]!;
      const [a, b] = [await tableChecksum(trx, livePhysical), await tableChecksum(trx, rebuilt)];
      const equal = a.rows === b.rows && a.checksum === b.checksum;
      const sampleSize = includeSamples ? 5 : 0;
      const onlyLive = equal ? { count: 0, samples: [] } : await rowsOnlyIn(trx, livePhysical, rebuilt, sampleSize);
      const onlyRebuilt = equal ? { count: 0, samples: [] } : await rowsOnlyIn(trx, rebuilt, livePhysical, sampleSize);
      tables.push({
        table: table.name,
        liveRows: a.rows,
        rebuiltRows: b.rows,
        liveChecksum: a.checksum,
        rebuiltChecksum: b.checksum,
        equal,
        onlyInLive: onlyLive.count,
        onlyInRebuilt: onlyRebuilt.count,
        ...(includeSamples && !equal ? { samples: { onlyInLive: onlyLive.samples, onlyInRebuilt: onlyRebuilt.samples } } : {}),
      });
    }
    return { equal: tables.every((t) => t.equal), tables };
  }

  private async dropScratch(scratch: Record<string, string>): Promise<void> {
    for (const name of Object.values(scratch)) await sql`DROP TABLE IF EXISTS ${sql.table(name)}`.execute(this.db);
  }
}
