import { ForbiddenError, NotFoundError } from '#ardoise/kernel';
import { currentContext, type Actor } from '#ardoise/commands';

const STAFF_READERS = new Set(['agent', 'finance', 'auditor', 'admin']);
const STAFF_WRITERS = new Set(['agent', 'admin']);

/**
 * A parent reaches only their own family; another family's data answers 404 as if it did
 * not exist (no probing of ids). Staff read every family.
 */
export function assertCanReadFamily(familyId: string, actor: Actor = currentContext().actor): void {
  if (actor.role === 'parent' && actor.familyId === familyId) return;
  if (STAFF_READERS.has(actor.role)) return;
  throw familyNotFound();
}

/**
 * A parent writes to their own family; an agent (or admin) may act on behalf of any
 * family, and that is recorded in every event's metadata (`onBehalfOfFamilyId`).
 */
export function assertCanWriteFamily(familyId: string, actor: Actor = currentContext().actor): void {
  if (actor.role === 'parent') {
    if (actor.familyId === familyId) return;
    throw familyNotFound();
  }
  if (STAFF_WRITERS.has(actor.role)) {
    actor.onBehalfOfFamilyId = familyId;
    return;
  }
  throw new ForbiddenError('AUTH.FORBIDDEN', "Vous n'avez pas accès à cette ressource.");
}

export function familyNotFound(): NotFoundError {
  return new NotFoundError('FAMILY.NOT_FOUND', 'Famille introuvable.');
}
