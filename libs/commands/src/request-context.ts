import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash, randomUUID } from 'node:crypto';

export type Role = 'anonymous' | 'parent' | 'agent' | 'finance' | 'auditor' | 'admin' | 'system';

/** Who is acting: a signed-in user, or the system itself (seed, scheduler, CLI). */
export interface Actor {
  userId: string;
  role: Role;
  /** A parent's own family (set for role `parent` only). */
  familyId?: string;
  /** Set when staff act for a family (recorded in every event's metadata). */
  onBehalfOfFamilyId?: string;
}

/** What travels with a request from the HTTP edge down to event metadata and logs. */
export interface RequestContext {
  correlationId: string;
  /** The message that caused this one: the request id at the edge, an event id in a reaction. */
  causationId: string;
  actor: Actor;
  idempotencyKey?: string;
  /** Encoded store position of the last event appended while serving this request (see trackAppendedPositions). */
  appendedPosition?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const SYSTEM_ACTOR: Readonly<Actor> = Object.freeze({ userId: 'system', role: 'system' });

export function runInContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

/** The current context if any (for logs): never invents one. */
export function peekContext(): RequestContext | undefined {
  return storage.getStore();
}

/** The current request's context; outside any request, a fresh system context. */
export function currentContext(): RequestContext {
  return storage.getStore() ?? systemContext();
}

export function systemContext(actor: Readonly<Actor> = SYSTEM_ACTOR): RequestContext {
  const id = randomUUID();
  return { correlationId: id, causationId: id, actor: { ...actor } };
}

/**
 * The id of a thing a command creates (a family, …): random, or, when the request carries an
 * Idempotency-Key, derived from (actor, key, purpose). A retry of a command whose answer was
 * lost — or that failed after appending, e.g. when the database connection dropped before the
 * commit's answer — then lands on the same stream, where the repository sees the key already
 * applied, instead of creating a second one.
 */
export function idempotentId(purpose: string, context: RequestContext | undefined = peekContext()): string {
  // Anonymous callers share one actor id: their keys are not theirs alone.
  if (!context?.idempotencyKey || context.actor.role === 'anonymous') return randomUUID();
  const hex = createHash('sha256').update(`${context.actor.userId}\n${context.idempotencyKey}\n${purpose}`).digest('hex');
  // Shaped as a version-4-like UUID (the columns and validators expect one).
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
