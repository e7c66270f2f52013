import { sql, type Transaction } from 'kysely';
import { physicalTableName } from './table-names.js';

/**
 * Points each logical view at the generation's physical table. DROP + CREATE (rather than
 * CREATE OR REPLACE) so that a new version may change columns; both run inside the
 * caller's transaction, so readers see either the old or the new generation, never none.
 */
export async function pointViewsAt(trx: Transaction<any>, tables: readonly string[], generation: number): Promise<void> {
  for (const table of tables) {
    await sql`DROP VIEW IF EXISTS ${sql.id(table)}`.execute(trx);
    await sql`CREATE VIEW ${sql.id(table)} AS SELECT * FROM ${sql.id(physicalTableName(table, generation))}`.execute(trx);
  }
}

export async function dropViews(trx: Transaction<any>, tables: readonly string[]): Promise<void> {
  for (const table of tables) await sql`DROP VIEW IF EXISTS ${sql.id(table)}`.execute(trx);
}

export async function dropGenerationTables(trx: Transaction<any>, tables: readonly string[], generation: number): Promise<void> {
  for (const table of tables) await sql`DROP TABLE IF EXISTS ${sql.id(physicalTableName(table, generation))}`.execute(trx);
}
