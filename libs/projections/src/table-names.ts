import type { Projector, TableNames } from './projector.js';

const PROJECTOR_NAME = /^[a-z][a-z0-9-]{0,62}$/;
const LOGICAL_TABLE = /^[a-z_][a-z0-9_]*$/;
/** PostgreSQL truncates identifiers beyond 63 bytes; keep room for '__g' + 6 digits. */
const MAX_LOGICAL_TABLE_LENGTH = 63 - '__g999999'.length;

/** Physical name of a logical table in a generation: `<table>__g<generation>`. */
export function physicalTableName(logical: string, generation: number): string {
  return `${logical}__g${generation}`;
}

export function physicalTableNames(logicalTables: readonly string[], generation: number): TableNames {
  return Object.fromEntries(logicalTables.map((t) => [t, physicalTableName(t, generation)]));
}

/** Throws on a projector whose name, version or tables the engine cannot handle safely. */
export function assertValidProjector(projector: Projector): void {
  if (!PROJECTOR_NAME.test(projector.name)) {
    throw new Error(`Projector name "${projector.name}" must match ${PROJECTOR_NAME}`);
  }
  if (!Number.isInteger(projector.version) || projector.version < 1) {
    throw new Error(`Projector ${projector.name}: version must be a positive integer`);
  }
  if (!projector.apply && !projector.applyBatch) throw new Error(`Projector ${projector.name} has neither apply nor applyBatch`);
  if (projector.tables.length === 0) throw new Error(`Projector ${projector.name} owns no table`);
  const seen = new Set<string>();
  for (const table of projector.tables) {
    if (!LOGICAL_TABLE.test(table.name) || table.name.length > MAX_LOGICAL_TABLE_LENGTH) {
      throw new Error(`Projector ${projector.name}: table "${table.name}" must match ${LOGICAL_TABLE} and be at most ${MAX_LOGICAL_TABLE_LENGTH} characters`);
    }
    if (table.name.includes('__g')) throw new Error(`Projector ${projector.name}: table "${table.name}" must not contain "__g"`);
    if (seen.has(table.name)) throw new Error(`Projector ${projector.name}: table "${table.name}" declared twice`);
    seen.add(table.name);
  }
}

/** Throws when two projectors share a name or a logical table (their views would clash). */
export function assertDistinctProjectors(projectors: readonly Projector[]): void {
  const names = new Set<string>();
  const tables = new Map<string, string>();
  for (const p of projectors) {
    assertValidProjector(p);
    if (names.has(p.name)) throw new Error(`Two projectors are named ${p.name}`);
    names.add(p.name);
    for (const t of p.tables) {
      const owner = tables.get(t.name);
      if (owner) throw new Error(`Table ${t.name} is owned by both ${owner} and ${p.name}`);
      tables.set(t.name, p.name);
    }
  }
}
