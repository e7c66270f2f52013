import {
  AccessDeniedError,
  StreamDeletedError,
  StreamNotFoundError as ClientStreamNotFoundError,
  UnavailableError as ClientUnavailableError,
  WrongExpectedVersionError as ClientWrongExpectedVersionError,
} from '@eventstore/db-client';
import { UnavailableError } from '#ardoise/kernel';
import { StreamNotFoundError, WrongExpectedVersionError } from '../errors.js';
import { isStreamNotFound, isTransientError, mapClientError } from './errors.js';

describe('EventStoreDB error mapping', () => {
  it("maps the client's wrong expected version to the port's, with expected/actual as bigint", () => {
    const clientError = new ClientWrongExpectedVersionError(undefined, { streamName: 'family-1', expected: 3n, current: 5n });
    const mapped = mapClientError(clientError, 'family-1');
    expect(mapped).toBeInstanceOf(WrongExpectedVersionError);
    expect(mapped).toMatchObject({ streamId: 'family-1', expected: 3n, actual: 5n, status: 409 });

    const noStream = mapClientError(
      new ClientWrongExpectedVersionError(undefined, { streamName: 'family-2', expected: 'stream_exists', current: 'no_stream' }),
      'family-2',
    );
    expect(noStream).toMatchObject({ expected: 'stream_exists', actual: undefined });
  });

  it('maps a missing or deleted stream to StreamNotFoundError', () => {
    expect(mapClientError(new ClientStreamNotFoundError(undefined, 'family-3'), 'family-3')).toBeInstanceOf(StreamNotFoundError);
    expect(mapClientError(StreamDeletedError.fromStreamName('family-4'), 'family-4')).toBeInstanceOf(StreamNotFoundError);
    expect(isStreamNotFound(new ClientStreamNotFoundError(undefined, 'x'))).toBe(true);
    expect(isStreamNotFound(new StreamNotFoundError('x'))).toBe(true);
    expect(isStreamNotFound(new Error('x'))).toBe(false);
  });

  it('maps an unreachable server to a 503 and leaves unknown errors alone', () => {
    expect(mapClientError(new ClientUnavailableError())).toBeInstanceOf(UnavailableError);
    const other = new Error('boom');
    expect(mapClientError(other)).toBe(other);
  });

  it('retries subscriptions on connection trouble, not on what retrying cannot cure', () => {
    expect(isTransientError(new ClientUnavailableError())).toBe(true);
    expect(isTransientError(Object.assign(new Error('ECONNRESET'), { code: 'ECONNRESET' }))).toBe(true);
    expect(isTransientError(new AccessDeniedError())).toBe(false);
    expect(isTransientError(new TypeError('bug'))).toBe(false);
  });
});
