import { sql, type Kysely } from 'kysely';
import type { AuditDatabase } from '../projections/audit-database.js';

export interface TableChecksum {
  rows: number;
  /** md5 over the md5 of each row's text, sorted: equal tables (as multisets of rows) ⇔ equal checksums. */
  checksum: string;
}

/**
 * Row count and checksum of a table. Rows are compared as their text form (`t::text`, every
 * column in table order), so both tables must have the same columns in the same order
 * (they do: they come from the same projector version's `create`). Hashing each row first
 * keeps the aggregate at 32 bytes per row, whatever the row size.
 */
export async function tableChecksum(db: Kysely<AuditDatabase>, table: string): Promise<TableChecksum> {
  const { rows } = await sql<{ rows: string; checksum: string }>`
    SELECT count(*)::text AS rows,
           md5(coalesce(string_agg(h, '' ORDER BY h), '')) AS checksum
    FROM (SELECT md5(t::text) AS h FROM ${sql.table(table)} AS t) AS hashed`.execute(db);
  return { rows: Number(rows[0]!.rows), checksum: rows[0]!.checksum };
}

/** How many rows of `a` are not in `b` (as multisets), and a few of them as text. */
export async function rowsOnlyIn(db: Kysely<AuditDatabase>, a: string, b: string, sampleSize: number): Promise<{ count: number; samples: string[] }> {
  const { rows } = await sql<{ count: string }>`
    SELECT count(*)::text AS count FROM (
      SELECT t::text FROM ${sql.table(a)} AS t EXCEPT ALL SELECT u::text FROM ${sql.table(b)} AS u
    ) AS only_a`.execute(db);
  const count = Number(rows[0]!.count);
  if (count === 0 || sampleSize === 0) return { count, samples: [] };
  const samples = await sql<{ row: string }>`
    SELECT row FROM (
      SELECT t::text AS row FROM ${sql.table(a)} AS t EXCEPT ALL SELECT u::text FROM ${sql.table(b)} AS u
    ) AS only_a ORDER BY row LIMIT ${sampleSize}`.execute(db);
  return { count, samples: samples.rows.map((r) => (r.row.length > 300 ? `${r.row.slice(0, 300)}…` : r.row)) };
}
