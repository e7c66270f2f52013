import { AggregateRepository, currentContext, type Actor } from '#ardoise/commands';
import { assertCanWriteFamily } from '#ardoise/identity';
import { requestStream, type RequestAuthor } from '../domain/request-events.js';
import { requestDecider, requestNotFound, type RequestCommand } from '../domain/request.decider.js';

/** Who writes in a thread: its family (a parent), or the town's staff. */
export const authorOf = (actor: Actor): RequestAuthor => (actor.role === 'parent' ? 'family' : 'staff');

/**
 * Loads the thread and checks who may write to it: its family, or staff on its behalf. Another
 * family's thread answers 404, as if it did not exist. Returns the thread's family.
 */
export async function writableThread(repository: AggregateRepository, requestId: string): Promise<string> {
  const { state } = await repository.load(requestStream(requestId), requestDecider);
  if (!state.opened) throw requestNotFound();
  const actor = currentContext().actor;
  if (actor.role === 'parent' && actor.familyId !== state.familyId) throw requestNotFound();
  assertCanWriteFamily(state.familyId, actor);
  return state.familyId;
}

/** Decides a command on the thread's stream (retried on a concurrent write: the decider re-checks). */
export async function decideOnThread(repository: AggregateRepository, requestId: string, command: RequestCommand): Promise<void> {
  await repository.handle(requestStream(requestId), requestDecider, command, currentContext(), { retriesOnConflict: 3 });
}

/** The family a parent may see (their own); undefined for staff, who read every family. */
export function ownFamily(): string | undefined {
  const actor = currentContext().actor;
  return actor.role === 'parent' ? (actor.familyId ?? '00000000-0000-0000-0000-000000000000') : undefined;
}
