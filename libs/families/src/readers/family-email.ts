import { sql, type QueryExecutorProvider } from 'kysely';
import { FAMILIES_TABLE } from '../projections/read-model.js';

/**
 * The family's contact e-mail, as its file holds it (e-mails about its children: a place freed
 * up on a waiting list); none once the family is forgotten. Read at the time of sending, never
 * copied. Over any kysely instance or transaction (a notification builder reads inside its
 * projection's).
 */
export async function familyEmail(db: QueryExecutorProvider, familyId: string): Promise<string | undefined> {
  const { rows } = await sql<{ email: string | null }>`SELECT email FROM ${sql.table(FAMILIES_TABLE)} WHERE family_id = ${familyId}::uuid`.execute(db);
  return rows[0]?.email ?? undefined;
}
