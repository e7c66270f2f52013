import { sql, type QueryExecutorProvider } from 'kysely';

/**
 * The family's parent login that receives its e-mails: `preferredAccountId` when it is one of
 * the family's active parent logins (e.g. the one that opened a request), else the oldest active
 * one (Responsable 1's, in practice); none for a family without a login. Logins are not events
 * (they hold secrets); a forgotten family has none left. Over any kysely instance or transaction
 * (a notification builder reads inside its projection's).
 */
export async function familyLoginEmail(db: QueryExecutorProvider, familyId: string, preferredAccountId?: string | null): Promise<string | undefined> {
  const { rows } = await sql<{ email: string }>`
    SELECT email FROM accounts
     WHERE family_id = ${familyId}::uuid AND role = 'parent' AND status = 'active'
     ORDER BY id = ${preferredAccountId ?? null}::uuid DESC NULLS LAST, created_at, id LIMIT 1`.execute(db);
  return rows[0]?.email;
}

/** A user's e-mail (e.g. the payer's, given to PayFIP for its receipt). */
export async function accountEmail(db: QueryExecutorProvider, userId: string): Promise<string | undefined> {
  const { rows } = await sql<{ email: string }>`SELECT email FROM accounts WHERE id = ${userId}::uuid`.execute(db);
  return rows[0]?.email;
}
