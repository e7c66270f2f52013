import { sql, type Kysely } from 'kysely';
import { escapeLike } from '#ardoise/kernel';
import { identityTables, type CallerConnection, type IdentityDatabase } from '../projections/identity-database.js';

/** A parent login of a family: its account and the address its e-mails go to. */
export interface FamilyLogin {
  accountId: string;
  email: string;
}

/**
 * What other contexts read of the logins (identity's `accounts`): logins are not events (they
 * hold secrets), so this is the one way to them. IdentityModule provides one over the pool; a
 * projection that reads inside its own transaction builds one over it (`new AccountReader(trx)`).
 */
export class AccountReader {
  private readonly db: Kysely<IdentityDatabase>;

  constructor(connection: CallerConnection) {
    this.db = identityTables(connection);
  }

  /**
   * The family's parent login that receives its e-mails: `preferredAccountId` when it is one of
   * the family's active parent logins (e.g. the one that opened a request), else the oldest active
   * one (Responsable 1's, in practice). A forgotten family has none left.
   */
  async familyLoginEmail(familyId: string, preferredAccountId?: string | null): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('accounts')
      .select('email')
      .where('family_id', '=', familyId)
      .where('role', '=', 'parent')
      .where('status', '=', 'active')
      .orderBy(sql`id = ${preferredAccountId ?? null}::uuid desc nulls last`)
      .orderBy('created_at')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    return row?.email;
  }

  /**
   * The active parent logins of each of these families, oldest first (the first is the one
   * `familyLoginEmail` answers without a preference), in one query: what a projection batch reads
   * once for all the families its events name. A family without a login is absent from the map.
   */
  async familyParentLogins(familyIds: Iterable<string>): Promise<Map<string, FamilyLogin[]>> {
    const ids = [...new Set(familyIds)];
    const logins = new Map<string, FamilyLogin[]>();
    if (ids.length === 0) return logins;
    const rows = await this.db
      .selectFrom('accounts')
      .select(['id', 'family_id', 'email'])
      .where('family_id', 'in', ids)
      .where('role', '=', 'parent')
      .where('status', '=', 'active')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    for (const row of rows) {
      const family = logins.get(row.family_id!) ?? [];
      family.push({ accountId: row.id, email: row.email });
      logins.set(row.family_id!, family);
    }
    return logins;
  }

  /** A user's e-mail (e.g. the payer's, given to PayFIP for its receipt). */
  async accountEmail(userId: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('accounts').select('email').where('id', '=', userId).executeTakeFirst();
    return row?.email;
  }

  /** Whether a login already signs in with this e-mail (case ignored). */
  async emailInUse(email: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('accounts')
      .select('id')
      .where(sql`lower(email)`, '=', email.trim().toLowerCase())
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The ids of a family's logins, whatever their role or status (an erasure deletes them all). */
  async familyLogins(familyId: string): Promise<string[]> {
    const rows = await this.db.selectFrom('accounts').select('id').where('family_id', '=', familyId).orderBy('created_at').orderBy('id').execute();
    return rows.map((row) => row.id);
  }

  /** Whether this guardian signs in with a login of their own. */
  async guardianHasLogin(guardianId: string): Promise<boolean> {
    const row = await this.db.selectFrom('accounts').select('id').where('guardian_id', '=', guardianId).limit(1).executeTakeFirst();
    return row !== undefined;
  }

  /** The families with a login whose e-mail contains `text` (case ignored), for the staff's search. */
  async familiesWithLoginEmail(text: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('accounts')
      .select('family_id')
      .distinct()
      .where('family_id', 'is not', null)
      .where('email', 'ilike', `%${escapeLike(text.trim())}%`)
      .execute();
    return rows.map((row) => row.family_id!);
  }

  /**
   * The display names of the staff among these actors, by id. Actors are named as events record
   * them, not always logins (`cli`); a parent's name is never given.
   */
  async staffNames(actorIds: readonly string[]): Promise<Map<string, string>> {
    const ids = [...new Set(actorIds)];
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('accounts')
      .select(['id', 'display_name'])
      .where(sql<string>`id::text`, 'in', ids)
      .where('role', '<>', 'parent')
      .execute();
    return new Map(rows.map((row) => [row.id, row.display_name]));
  }
}
