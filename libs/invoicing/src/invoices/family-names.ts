import type { Kysely } from 'kysely';
import { familiesNamed as familiesNamedIn, familyNames as familyNamesIn } from '#ardoise/families';
import type { InvoicingDatabase } from '../projections/invoicing-database.js';

/**
 * Family names for finance lists, read through the families' reader at query time (never copied
 * into invoicing: a forgotten family's lines stay, without a name). Missing table (a
 * finance-only deployment, a rebuild): no names.
 */
export async function familyNames(db: Kysely<InvoicingDatabase>, familyIds: readonly string[]): Promise<Map<string, string | null>> {
  return familyNamesIn(db, familyIds).catch(() => new Map<string, string | null>());
}

/** Families whose name contains `text` (case ignored), at most 500. */
export async function familiesNamed(db: Kysely<InvoicingDatabase>, text: string): Promise<string[]> {
  return familiesNamedIn(db, text).catch(() => []);
}
