import type { FamilyChild, FamilyChildrenReader } from '#ardoise/families';
import { NotFoundError } from '#ardoise/kernel';

/** The child, if it belongs to that family; otherwise 404 (another family's child is not for probing). */
export async function childOfFamily(children: FamilyChildrenReader, familyId: string, childId: string): Promise<FamilyChild> {
  const child = (await children.find([childId])).get(childId);
  if (!child || child.familyId !== familyId) throw childNotFound();
  return child;
}

export function childNotFound(): NotFoundError {
  return new NotFoundError('CHILD.NOT_FOUND', 'Enfant introuvable dans cette famille.');
}
