import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { sql, type Kysely } from 'kysely';
import { DATABASE } from '#ardoise/database';
import { AccountReader } from '#ardoise/identity';
import { escapeLike } from '#ardoise/kernel';
import type { FamiliesDatabase } from '../../projections/families-database.js';
import { CHILDREN_TABLE, FAMILIES_TABLE, GUARDIANS_TABLE } from '../../projections/read-model.js';
import type { FamilySummaryView } from '../family-file/family-file.view.js';
import { SearchFamilies } from './search-families.query.js';

/** At most 50 families, by name; forgotten families are never found. */
@QueryHandler(SearchFamilies)
export class SearchFamiliesHandler implements IQueryHandler<SearchFamilies> {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<FamiliesDatabase>,
    @Inject(AccountReader) private readonly accounts: AccountReader,
  ) {}

  async execute({ text }: SearchFamilies): Promise<FamilySummaryView[]> {
    const pattern = text ? `%${escapeLike(text.trim())}%` : null;
    // A login's e-mail is identity's: the families it finds are asked for first.
    const withLoginEmail = text ? await this.accounts.familiesWithLoginEmail(text) : [];
    const { rows } = await sql<{ family_id: string; family_name: string | null; status: string; guardians: string[]; children: string[] }>`
      SELECT f.family_id, f.family_name, f.status,
        coalesce((SELECT array_agg(concat_ws(' ', g.first_name, g.last_name) ORDER BY g.rank) FROM ${sql.table(GUARDIANS_TABLE)} g
                  WHERE g.family_id = f.family_id AND NOT g.erased), '{}') AS guardians,
        coalesce((SELECT array_agg(concat_ws(' ', c.first_name, c.last_name) ORDER BY c.birth_date) FROM ${sql.table(CHILDREN_TABLE)} c
                  WHERE c.family_id = f.family_id AND NOT c.erased), '{}') AS children
      FROM ${sql.table(FAMILIES_TABLE)} f
      WHERE f.status <> 'forgotten' AND (${pattern}::text IS NULL
        OR f.family_name ILIKE ${pattern} OR f.email ILIKE ${pattern}
        OR EXISTS (SELECT 1 FROM ${sql.table(GUARDIANS_TABLE)} g WHERE g.family_id = f.family_id
                   AND (g.last_name ILIKE ${pattern} OR g.first_name ILIKE ${pattern} OR g.email ILIKE ${pattern}
                        OR concat_ws(' ', g.first_name, g.last_name) ILIKE ${pattern}))
        OR EXISTS (SELECT 1 FROM ${sql.table(CHILDREN_TABLE)} c WHERE c.family_id = f.family_id
                   AND (c.last_name ILIKE ${pattern} OR c.first_name ILIKE ${pattern}
                        OR concat_ws(' ', c.first_name, c.last_name) ILIKE ${pattern}))
        OR f.family_id = ANY(${withLoginEmail}::uuid[]))
      ORDER BY f.family_name NULLS LAST, f.family_id
      LIMIT 50`.execute(this.db);
    return rows.map((r) => ({ familyId: r.family_id, familyName: r.family_name, status: r.status, guardians: r.guardians, children: r.children }));
  }
}
