import { sql, type Kysely } from 'kysely';

/** Every table of the database (schema-qualified) with a row whose text contains `needle` (case-insensitive). */
export async function tablesContaining(db: Kysely<any>, needle: string): Promise<string[]> {
  const { rows: tables } = await sql<{ schema: string; name: string }>`
    SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
    WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`.execute(db);
  const found: string[] = [];
  for (const table of tables) {
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM ${sql.table(`${table.schema}.${table.name}`)} t WHERE t::text ILIKE ${`%${needle}%`}`.execute(db);
    if (rows[0]!.n > 0) found.push(`${table.schema}.${table.name}`);
  }
  return found;
}
