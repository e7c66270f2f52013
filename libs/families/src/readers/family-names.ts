import { sql, type QueryExecutorProvider } from 'kysely';
import { escapeLike } from '#ardoise/kernel';

export interface FamilyAndChildrenNames {
  familyName: string | null;
  /** Child id → « Prénom Nom ». */
  children: Map<string, string>;
}

/**
 * What other contexts read of the families (invoicing's lists and PDFs): names, at the time of
 * reading, never copied into their own events or tables (a forgotten family's rows stay, without
 * a name). Over any kysely instance or transaction of the same database.
 */
export async function familyNames(db: QueryExecutorProvider, familyIds: readonly string[]): Promise<Map<string, string | null>> {
  const ids = [...new Set(familyIds)];
  if (ids.length === 0) return new Map();
  const { rows } = await sql<{ family_id: string; family_name: string | null }>`
    SELECT family_id, family_name FROM families WHERE family_id = ANY(${ids}::uuid[])`.execute(db);
  return new Map(rows.map((r) => [String(r.family_id), r.family_name ?? null]));
}

/** Families whose name contains `text` (case ignored), at most `limit`. */
export async function familiesNamed(db: QueryExecutorProvider, text: string, limit = 500): Promise<string[]> {
  const pattern = `%${escapeLike(text.trim())}%`;
  const { rows } = await sql<{ family_id: string }>`SELECT family_id FROM families WHERE family_name ILIKE ${pattern} LIMIT ${limit}`.execute(db);
  return rows.map((r) => String(r.family_id));
}

/** A family's name and its children's names (an invoice's header and lines). */
export async function familyAndChildrenNames(db: QueryExecutorProvider, familyId: string): Promise<FamilyAndChildrenNames> {
  const [family, children] = await Promise.all([
    sql<{ family_name: string | null }>`SELECT family_name FROM families WHERE family_id = ${familyId}::uuid`.execute(db),
    sql<{ child_id: string; first_name: string | null; last_name: string | null }>`
      SELECT child_id, first_name, last_name FROM family_children WHERE family_id = ${familyId}::uuid`.execute(db),
  ]);
  return {
    familyName: family.rows[0]?.family_name ?? null,
    children: new Map(children.rows.map((c) => [String(c.child_id), [c.first_name, c.last_name].filter(Boolean).join(' ')])),
  };
}

/** The first names of these children, by id (« Clara »: an e-mail about a child); a forgotten child has none. */
export async function childFirstNames(db: QueryExecutorProvider, childIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(childIds)];
  if (ids.length === 0) return new Map();
  const { rows } = await sql<{ child_id: string; first_name: string | null }>`
    SELECT child_id, first_name FROM family_children WHERE child_id = ANY(${ids}::uuid[]) AND first_name IS NOT NULL`.execute(db);
  return new Map(rows.map((r) => [String(r.child_id), String(r.first_name)]));
}
