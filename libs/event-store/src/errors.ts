import { ConflictError, NotFoundError } from '#ardoise/kernel';
import type { ExpectedRevision } from './event-store.port.js';

const show = (r: ExpectedRevision | bigint | undefined): string => (r === undefined ? 'no_stream' : typeof r === 'bigint' ? r.toString() : r);

/** The stream is not at the revision the writer expected (optimistic concurrency). */
export class WrongExpectedVersionError extends ConflictError {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** Actual current revision; undefined when the stream does not exist. */
    readonly actual: bigint | undefined,
  ) {
    super(
      'EVENT_STORE.WRONG_EXPECTED_VERSION',
      'Ces données ont été modifiées entre-temps. Rechargez la page puis réessayez.',
      `stream ${streamId}: expected ${show(expected)}, actual ${show(actual)}`,
      { expected: show(expected), actual: show(actual) },
    );
  }
}

export class StreamNotFoundError extends NotFoundError {
  constructor(readonly streamId: string) {
    super('EVENT_STORE.STREAM_NOT_FOUND', 'Élément introuvable.', `stream ${streamId} not found`);
  }
}

/**
 * An event id already in the store, outside an idempotent retry (same ids, same stream,
 * same expected revision): event ids are unique across the whole log.
 */
export class DuplicateEventIdError extends ConflictError {
  constructor(
    readonly streamId: string,
    readonly eventIds: string[],
  ) {
    super(
      'EVENT_STORE.DUPLICATE_EVENT_ID',
      'Cette opération a déjà été enregistrée.',
      `stream ${streamId}: event id(s) ${eventIds.join(', ')} already recorded elsewhere`,
      { eventIds },
    );
  }
}
