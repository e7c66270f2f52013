import { sql, type QueryExecutorProvider } from 'kysely';

/** Whether a table or view of that name exists yet (a read model's view appears with its projection's first build). */
export async function relationExists(db: QueryExecutorProvider, relation: string): Promise<boolean> {
  const { rows } = await sql<{ found: string | null }>`SELECT to_regclass(${relation})::text AS found`.execute(db);
  return rows[0]?.found != null;
}
