import type { Kysely, Transaction } from 'kysely';

/**
 * Runs a query's reads in one REPEATABLE READ, read-only transaction: they all see the read
 * models as of one moment. Separate statements could straddle a projection's commit and answer a
 * torn view (a family file with its children but its status from before the activation).
 */
export function inOneSnapshot<DB, T>(db: Kysely<DB>, reads: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(reads);
}
