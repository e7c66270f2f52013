import { schemaVersionOf } from '#ardoise/kernel';
import type { EventMetadata } from '#ardoise/event-store';
import type { RequestContext } from './request-context.js';

/**
 * The one place event metadata is filled (actor, correlation, causation, idempotency, time,
 * and the schema version of `type` from its definition: never chosen by the caller).
 */
export function eventMetadata(context: RequestContext, occurredAt: Date, type: string): EventMetadata {
  return {
    actor: {
      userId: context.actor.userId,
      role: context.actor.role,
      ...(context.actor.onBehalfOfFamilyId ? { onBehalfOfFamilyId: context.actor.onBehalfOfFamilyId } : {}),
    },
    correlationId: context.correlationId,
    causationId: context.causationId,
    ...(context.idempotencyKey ? { idempotencyKey: context.idempotencyKey } : {}),
    occurredAt: occurredAt.toISOString(),
    schemaVersion: schemaVersionOf(type),
  };
}
