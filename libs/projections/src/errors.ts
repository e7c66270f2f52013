import { AppError, ConflictError, NotFoundError } from '#ardoise/kernel';
import type { Position, RecordedEvent } from '#ardoise/event-store';

/**
 * A projector's handler threw. Carries what may be logged: never the event's data, only
 * its id, type and stream, and the cause's name, message and SQLSTATE (not pg's `detail`,
 * which quotes row values).
 */
export class ProjectionHandlerError extends Error {
  readonly eventId: string;
  readonly eventType: string;
  readonly streamId: string;
  readonly eventPosition: Position;
  constructor(
    readonly projection: string,
    event: RecordedEvent,
    override readonly cause: unknown,
  ) {
    super(`Projection ${projection} failed on event ${event.id} (${event.type}) of stream ${event.streamId}: ${describeError(cause)}`);
    this.name = 'ProjectionHandlerError';
    this.eventId = event.id;
    this.eventType = event.type;
    this.streamId = event.streamId;
    this.eventPosition = event.position;
  }
}

/**
 * A batch projector failed outside the fold of one event (e.g. its final writes): the
 * engine does not know which event is at fault and retries the batch one event at a time.
 */
export class ProjectionBatchError extends Error {
  constructor(
    readonly projection: string,
    readonly events: number,
    override readonly cause: unknown,
  ) {
    super(`Projection ${projection} failed on a batch of ${events} events: ${describeError(cause)}`);
    this.name = 'ProjectionBatchError';
  }
}

/**
 * The generation being written is no longer what the writer believed (switched, retired,
 * or its checkpoint moved under another writer). Not a failure: the writer re-reads the
 * registry and resumes from the stored checkpoint.
 */
export class GenerationChangedError extends Error {
  constructor(
    readonly projection: string,
    readonly generation: number,
    readonly reason: 'status' | 'checkpoint' | 'missing',
  ) {
    super(`Projection ${projection} generation ${generation} changed under the writer (${reason})`);
    this.name = 'GenerationChangedError';
  }
}

export class RebuildInProgressError extends ConflictError {
  constructor(readonly projection: string) {
    super('PROJECTION.REBUILD_IN_PROGRESS', 'Une reconstruction de cette vue est déjà en cours.', `projection ${projection}`);
  }
}

/** This process runs an older projector version than the one already active: it must not downgrade. */
export class OutdatedProjectorError extends ConflictError {
  constructor(
    readonly projection: string,
    readonly version: number,
    readonly activeVersion: number,
  ) {
    super(
      'PROJECTION.OUTDATED',
      'Une version plus récente de cette vue est déjà active.',
      `projection ${projection}: this process has version ${version}, version ${activeVersion} is active`,
    );
  }
}

export class UnknownProjectionError extends NotFoundError {
  constructor(readonly projection: string) {
    super('PROJECTION.UNKNOWN', 'Vue inconnue.', `projection ${projection}`);
  }
}

/** 503: a query asked to read its own writes and the read models did not catch up in time. */
export class ReadModelsBehindError extends AppError {
  readonly status = 503;
  constructor(
    readonly projections: readonly string[],
    readonly retryAfterSeconds = 1,
  ) {
    super(
      'PROJECTION.BEHIND',
      'Vos dernières modifications sont encore en cours de prise en compte : réessayez dans un instant.',
      `read models not yet at the requested position: ${projections.join(', ')}`,
      { retryAfterSeconds },
    );
  }
}

/** name: message [SQLSTATE] — safe to log (no pg `detail`, no stack). */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return `${error.name}: ${error.message}${typeof code === 'string' ? ` [${code}]` : ''}`;
  }
  return String(error);
}
