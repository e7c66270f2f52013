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
  /** `now`: the server's clock (recent and future reservations count). */
  resolve(familyId: string, now?: Date): Promise<FamilyAudience>;
}

export const FAMILY_AUDIENCE_RESOLVER = Symbol('ardoise.FAMILY_AUDIENCE_RESOLVER');

/**
 * The two read models the audience comes from, by their logical names (owned by families and
 * reservations, which sit above messaging: it cannot import their readers).
 */
interface AudienceSources {
  family_children: { family_id: string; school: string | null; erased: boolean };
  reservation_lines: { family_id: string; service_code: string; status: string; date: string };
}

/** Reservations that make a family a user of a prestation: booked, or waiting for a place. */
const USING_STATUSES = ['validated', 'waitlisted', 'submitted'];

/**
 * Schools from the families read model (`family_children`), services from the reservations
 * read model (`reservation_lines`: the prestations on which one of the family's children has a
 * live reservation — validated, waitlisted or awaiting allocation — from a month ago on). Both
 * are read by their logical names, so that messaging does not depend on those libraries' code
 * (they send their e-mails through messaging).
 */
export class ReadModelFamilyAudience implements FamilyAudienceResolver {
  constructor(private readonly db: Kysely<AudienceSources>) {}

  async resolve(familyId: string, now: Date = new Date()): Promise<FamilyAudience> {
    return { schools: await this.schools(familyId), services: await this.services(familyId, now) };
  }

  private async schools(familyId: string): Promise<string[]> {
    if (!(await this.exists('family_children'))) return [];
    const rows = await this.db
      .selectFrom('family_children')
      .select('school')
      .distinct()
      .where('family_id', '=', familyId)
      .where('erased', '=', false)
      .where('school', 'is not', null)
      .execute();
    return rows.map((row) => String(row.school));
  }

  private async services(familyId: string, now: Date): Promise<string[]> {
    if (!(await this.exists('reservation_lines'))) return [];
    const since = new Date(now.getTime() - 31 * 86_400_000).toISOString().slice(0, 10);
    const rows = await this.db
      .selectFrom('reservation_lines')
      .select('service_code')
      .distinct()
      .where('family_id', '=', familyId)
      .where('status', 'in', USING_STATUSES)
      .where('date', '>=', since)
      .execute();
    return rows.map((row) => String(row.service_code));
  }

  private async exists(relation: string): Promise<boolean> {
    const { rows } = await sql<{ name: string | null }>`SELECT to_regclass(${relation})::text AS name`.execute(this.db);
    return rows[0]?.name != null;
  }
}
