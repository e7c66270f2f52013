import { sql, type QueryExecutorProvider } from 'kysely';
import { SERVICES_TABLE } from '../projections/services.projector.js';

/**
 * A prestation's label as the services read model has it (« Centre de loisirs du mercredi »),
 * for words written at the edge (an e-mail); undefined for an unknown code. Over any kysely
 * instance or transaction (a notification builder reads inside its projection's, where
 * CatalogueReader, which folds the streams, is not at hand).
 */
export async function serviceLabel(db: QueryExecutorProvider, code: string): Promise<string | undefined> {
  const { rows } = await sql<{ label: string }>`SELECT label FROM ${sql.table(SERVICES_TABLE)} WHERE code = ${code}`.execute(db);
  return rows[0]?.label;
}
