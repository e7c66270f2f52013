import { ErrorType, isCommandError, type CommandError, type WrongExpectedVersionError as ClientWrongExpectedVersionError } from '@eventstore/db-client';
import { UnavailableError } from '#ardoise/kernel';
import { StreamNotFoundError, WrongExpectedVersionError } from '../errors.js';
import { toPortCurrentRevision, toPortExpectedRevision } from './revisions.js';

const errorType = (error: unknown): ErrorType | undefined => (error instanceof Error && isCommandError(error) ? (error as CommandError).type : undefined);

/** The client's wrong-expected-version error → the port's, expected/actual normalised with BigInt. */
export function toWrongExpectedVersion(
  streamId: string,
  error: Pick<ClientWrongExpectedVersionError, 'expectedVersion' | 'actualVersion'> & { streamName?: string },
): WrongExpectedVersionError {
  return new WrongExpectedVersionError(error.streamName || streamId, toPortExpectedRevision(error.expectedVersion), toPortCurrentRevision(error.actualVersion));
}

/** Errors worth retrying: the node is down, not the leader, the call timed out or was cut. */
const TRANSIENT = new Set<ErrorType>([
  ErrorType.UNAVAILABLE,
  ErrorType.DEADLINE_EXCEEDED,
  ErrorType.TIMEOUT,
  ErrorType.NOT_LEADER,
  ErrorType.CANCELLED,
  ErrorType.UNKNOWN,
]);

/**
 * Whether a subscription that failed with this error should be resubscribed (with backoff).
 * Errors that retrying cannot cure (access denied, invalid argument, unsupported server) are
 * surfaced to the consumer instead of looping forever. Errors that are not the client's own
 * (a socket reset turned into a plain Error, a gRPC status) count as transient.
 */
export function isTransientError(error: unknown): boolean {
  const type = errorType(error);
  if (type === undefined) return !(error instanceof TypeError || error instanceof RangeError);
  return TRANSIENT.has(type);
}

/**
 * Map an error raised by the client to the port's error hierarchy.
 * Anything not recognised is returned unchanged.
 */
export function mapClientError(error: unknown, streamId?: string): unknown {
  switch (errorType(error)) {
    case ErrorType.WRONG_EXPECTED_VERSION:
      return toWrongExpectedVersion(streamId ?? '', error as ClientWrongExpectedVersionError);
    case ErrorType.STREAM_NOT_FOUND:
    case ErrorType.STREAM_DELETED:
      return new StreamNotFoundError(streamId ?? (error as { streamName?: string }).streamName ?? '');
    case ErrorType.UNAVAILABLE:
    case ErrorType.DEADLINE_EXCEEDED:
    case ErrorType.TIMEOUT:
    case ErrorType.NOT_LEADER:
      return new UnavailableError(
        'EVENT_STORE.UNAVAILABLE',
        'Le service est momentanément indisponible. Réessayez dans quelques instants.',
        `EventStoreDB: ${(error as Error).message}`,
      );
    default:
      return error;
  }
}

/** True for a missing (or deleted) stream, whether the client's error or already mapped. */
export function isStreamNotFound(error: unknown): boolean {
  const type = errorType(error);
  return error instanceof StreamNotFoundError || type === ErrorType.STREAM_NOT_FOUND || type === ErrorType.STREAM_DELETED;
}
