import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { sql, type Kysely } from 'kysely';
import { DATABASE } from '#ardoise/database';
import { escapeLike } from '#ardoise/kernel';
import type { FamiliesDatabase } from '../../projections/families-database.js';
import { CHILDREN_TABLE, FAMILIES_TABLE } from '../../projections/read-model.js';
import { SearchChildren, type ChildFoundView } from './search-children.query.js';

/** At most 20 children whose first name, last name or both match. */
@QueryHandler(SearchChildren)
export class SearchChildrenHandler implements IQueryHandler<SearchChildren> {
  constructor(@Inject(DATABASE) private readonly db: Kysely<FamiliesDatabase>) {}

  async execute({ text }: SearchChildren): Promise<ChildFoundView[]> {
    const pattern = `%${escapeLike(text.trim())}%`;
    const { rows } = await sql<{
      child_id: string;
      family_id: string;
      first_name: string | null;
      last_name: string | null;
      school: string | null;
      class_name: string | null;
    }>`
      SELECT c.child_id, c.family_id, c.first_name, c.last_name, c.school, c.class_name
      FROM ${sql.table(CHILDREN_TABLE)} c JOIN ${sql.table(FAMILIES_TABLE)} f ON f.family_id = c.family_id
      WHERE NOT c.erased AND f.status <> 'forgotten'
        AND (c.first_name ILIKE ${pattern} OR c.last_name ILIKE ${pattern} OR concat_ws(' ', c.first_name, c.last_name) ILIKE ${pattern})
      ORDER BY c.last_name, c.first_name, c.child_id
      LIMIT 20`.execute(this.db);
    return rows.map((r) => ({
      childId: r.child_id,
      familyId: r.family_id,
      firstName: r.first_name,
      lastName: r.last_name,
      school: r.school,
      className: r.class_name,
    }));
  }
}
