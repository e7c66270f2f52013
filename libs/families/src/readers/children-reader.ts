import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { DATABASE } from '#ardoise/database';
import { isUuid } from '#ardoise/kernel';
import { CHILDREN_TABLE } from '../projections/read-model.js';

/** What another context may know of a child (never the reason for a diet). */
export interface FamilyChild {
  childId: string;
  familyId: string;
  firstName: string | null;
  lastName: string | null;
  school: string | null;
  className: string | null;
  diet: string | null;
  /** Health data: only shown to staff who serve the meals. */
  allergies: string | null;
  pai: boolean;
}

/** The columns of `family_children` this reader selects, as the view on the active generation has them. */
interface ChildrenReadModel {
  [CHILDREN_TABLE]: {
    child_id: string;
    family_id: string;
    first_name: string | null;
    last_name: string | null;
    school: string | null;
    class_name: string | null;
    diet: string | null;
    allergies: string | null;
    pai: boolean | null;
    erased: boolean;
  };
}

/**
 * The children of the families, as other contexts look them up (reservations; messaging's news
 * audience, through libs/composition); a forgotten child is not found.
 */
@Injectable()
export class FamilyChildrenReader {
  constructor(@Inject(DATABASE) private readonly db: Kysely<ChildrenReadModel>) {}

  /** The children among these ids, by id; ids that are not UUIDs are not asked for (the column is a uuid). */
  async find(childIds: readonly string[]): Promise<Map<string, FamilyChild>> {
    const ids = [...new Set(childIds)].filter((id) => isUuid(id));
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .selectFrom(CHILDREN_TABLE)
      .select(['child_id', 'family_id', 'first_name', 'last_name', 'school', 'class_name', 'diet', 'allergies', 'pai'])
      .where('child_id', 'in', ids)
      .where('erased', '=', false)
      .execute();
    return new Map(
      rows.map((row) => [
        row.child_id,
        {
          childId: row.child_id,
          familyId: row.family_id,
          firstName: row.first_name,
          lastName: row.last_name,
          school: row.school,
          className: row.class_name,
          diet: row.diet,
          allergies: row.allergies,
          pai: row.pai === true,
        },
      ]),
    );
  }

  /** The schools of a family's children, as written in their files (a forgotten child has none). */
  async schoolsOf(familyId: string): Promise<string[]> {
    if (!isUuid(familyId)) return [];
    const rows = await this.db
      .selectFrom(CHILDREN_TABLE)
      .select('school')
      .distinct()
      .where('family_id', '=', familyId)
      .where('erased', '=', false)
      .where('school', 'is not', null)
      .execute();
    return rows.flatMap((row) => (row.school === null ? [] : [row.school]));
  }
}
