import { sql, type QueryExecutorProvider } from 'kysely';

/**
 * The family's parent login that receives its e-mails: the oldest active one (Responsable 1's,
 * in practice). Logins are not events (they hold secrets); a forgotten family has none left.
 * Over any kysely instance or transaction (a notification builder reads inside its projection's).
 */
export async function familyLoginEmail(db: QueryExecutorProvider, familyId: string): Promise<string | undefined> {
  const { rows } = await sql<{ email: string }>`
    SELECT email FROM accounts
     WHERE family_id = ${familyId}::uuid AND role = 'parent' AND status = 'active'
     ORDER BY created_at, id LIMIT 1`.execute(db);
  return rows[0]?.email;
}

/** A parent login of a family: its account and the address its e-mails go to. */
export interface FamilyLogin {
  accountId: string;
  email: string;
}

/**
 * The active parent logins of each of these families, oldest first (the first is the one
 * `familyLoginEmail` answers), in one query: what a projection batch reads once for all the
 * families its events name. A family without a login is absent from the map.
 */
export async function familyParentLogins(db: QueryExecutorProvider, familyIds: Iterable<string>): Promise<Map<string, FamilyLogin[]>> {
  const ids = [...new Set(familyIds)];
  const logins = new Map<string, FamilyLogin[]>();
  if (ids.length === 0) return logins;
  const { rows } = await sql<{ id: string; family_id: string; email: string }>`
    SELECT id, family_id, email FROM accounts
     WHERE family_id = ANY(${ids}::uuid[]) AND role = 'parent' AND status = 'active'
     ORDER BY created_at, id`.execute(db);
  for (const row of rows) {
    const family = logins.get(row.family_id) ?? [];
    family.push({ accountId: row.id, email: row.email });
    logins.set(row.family_id, family);
  }
  return logins;
}

/** A user's e-mail (e.g. the payer's, given to PayFIP for its receipt). */
export async function accountEmail(db: QueryExecutorProvider, userId: string): Promise<string | undefined> {
  const { rows } = await sql<{ email: string }>`SELECT email FROM accounts WHERE id = ${userId}::uuid`.execute(db);
  return rows[0]?.email;
}
