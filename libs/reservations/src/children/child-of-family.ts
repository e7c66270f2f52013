import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { CHILDREN_TABLE } from '#ardoise/families';
import { DATABASE } from '#ardoise/database';
import { NotFoundError } from '#ardoise/kernel';

/** What booking needs to know of a child (never the reason for a diet). */
export interface ChildCard {
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

/** The port: children belong to families (libs/families); reservations only look them up. */
export abstract class ChildDirectory {
  abstract find(childIds: readonly string[]): Promise<Map<string, ChildCard>>;
  abstract childrenOf(familyId: string): Promise<ChildCard[]>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads the families context's `family_children` read model. */
@Injectable()
export class FamiliesChildDirectory extends ChildDirectory {
  constructor(@Inject(DATABASE) private readonly db: Kysely<any>) {
    super();
  }

  async find(childIds: readonly string[]): Promise<Map<string, ChildCard>> {
    const ids = [...new Set(childIds)].filter((id) => UUID.test(id));
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom(CHILDREN_TABLE).selectAll().where('child_id', 'in', ids).where('erased', '=', false).execute();
    return new Map(rows.map((row) => [row.child_id as string, toCard(row)]));
  }

  async childrenOf(familyId: string): Promise<ChildCard[]> {
    if (!UUID.test(familyId)) return [];
    const rows = await this.db.selectFrom(CHILDREN_TABLE).selectAll().where('family_id', '=', familyId).where('erased', '=', false).execute();
    return rows.map(toCard);
  }
}

function toCard(row: Record<string, any>): ChildCard {
  return {
    childId: row.child_id,
    familyId: row.family_id,
    firstName: row.first_name,
    lastName: row.last_name,
    school: row.school,
    className: row.class_name,
    diet: row.diet,
    allergies: row.allergies,
    pai: row.pai === true,
  };
}

/** The child, if it belongs to that family; otherwise 404 (another family's child is not for probing). */
export async function childOfFamily(directory: ChildDirectory, familyId: string, childId: string): Promise<ChildCard> {
  const child = (await directory.find([childId])).get(childId);
  if (!child || child.familyId !== familyId) throw childNotFound();
  return child;
}

export function childNotFound(): NotFoundError {
  return new NotFoundError('CHILD.NOT_FOUND', 'Enfant introuvable dans cette famille.');
}
