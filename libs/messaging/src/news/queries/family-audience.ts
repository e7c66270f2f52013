import { sql, type Kysely } from 'kysely';

/** What makes a family part of a news item's audience. */
export interface FamilyAudience {
  /** Schools of the family's children (as written in their files). */
  schools: string[];
  /** Codes of the prestations the family uses. */
  services: string[];
}

/** Port: the audience of a family, read from the contexts that know it (families, reservations). */
export interface FamilyAudienceResolver {
  resolve(familyId: string): Promise<FamilyAudience>;
}

export const FAMILY_AUDIENCE_RESOLVER = Symbol('ardoise.FAMILY_AUDIENCE_RESOLVER');

/**
 * Schools from the families read model (`family_children`, kept by libs/families; read by
 * its logical name so that messaging does not depend on that library's code). Services:
 * none yet — the reservations context does not exist; until it does, news for a service
 * reach no parent (staff still see them).
 */
export class ReadModelFamilyAudience implements FamilyAudienceResolver {
  constructor(private readonly db: Kysely<any>) {}

  async resolve(familyId: string): Promise<FamilyAudience> {
    const exists = await sql<{ name: string | null }>`SELECT to_regclass('family_children')::text AS name`.execute(this.db);
    if (!exists.rows[0]?.name) return { schools: [], services: [] };
    const rows = await this.db
      .selectFrom('family_children')
      .select('school')
      .distinct()
      .where('family_id', '=', familyId)
      .where('erased', '=', false)
      .where('school', 'is not', null)
      .execute();
    return { schools: rows.map((row) => String(row.school)), services: [] };
  }
}
