import type { Kysely } from 'kysely';
import type { InvoicingDatabase, NamesSources } from '../projections/invoicing-database.js';

/**
 * Family names for finance lists, read from the families context's read model at query time
 * (never copied into invoicing: a forgotten family's lines stay, without a name). Missing
 * table (a finance-only deployment, a rebuild): no names.
 */
export async function familyNames(db: Kysely<InvoicingDatabase>, familyIds: readonly string[]): Promise<Map<string, string | null>> {
  const ids = [...new Set(familyIds)];
  if (ids.length === 0) return new Map();
  try {
    const rows = await db.withTables<NamesSources>().selectFrom('families').select(['family_id', 'family_name']).where('family_id', 'in', ids).execute();
    return new Map(rows.map((r) => [String(r.family_id), r.family_name ?? null]));
  } catch {
    return new Map();
  }
}

/** Families whose name contains `text` (case ignored), at most 500. */
export async function familiesNamed(db: Kysely<InvoicingDatabase>, text: string): Promise<string[]> {
  const pattern = `%${text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  try {
    const rows = await db.withTables<NamesSources>().selectFrom('families').select('family_id').where('family_name', 'ilike', pattern).limit(500).execute();
    return rows.map((r) => String(r.family_id));
  } catch {
    return [];
  }
}
