import { UnavailableError } from '#ardoise/kernel';

/**
 * SQLSTATEs that mean "the database is not there for us right now", not "your statement is
 * wrong": class 08 (connection exception), 57P01–57P05 (server shutting down, crashed,
 * starting, idle session timeout…), 53300 (too many connections), 53xxx (out of resources),
 * 57014 (statement cancelled by statement_timeout: the server is too slow to answer).
 */
const UNAVAILABLE_SQLSTATES = /^(08...|57P0[1-5]|53...|57014|58030)$/;

/** Errors Node or pg raise when the connection is gone, refused or silent. */
const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND']);
const PG_MESSAGES = [
  'Connection terminated',
  'connection timeout',
  'timeout exceeded when trying to connect',
  'Query read timeout',
  'not queryable',
  'Connection refused',
  'the database system is',
  'read ECONNRESET',
  'write EPIPE',
];

/**
 * Whether `error` (or anything in its `cause` chain) says the database connection failed,
 * timed out or was refused — one class of error, answered 503 with Retry-After by the API.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  if (error instanceof DatabaseUnavailableError) return true;
  const { code, message, cause, errors } = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.test(code) || NETWORK_CODES.has(code))) return true;
  if (typeof message === 'string' && PG_MESSAGES.some((m) => message.includes(m))) return true;
  if (Array.isArray(errors) && errors.some((e) => isDatabaseUnavailable(e, depth + 1))) return true; // AggregateError (connect to each address)
  return isDatabaseUnavailable(cause, depth + 1);
}

/** Seconds a client should wait before trying again during a database outage. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** 503: the database is unreachable (or too slow); the request may be tried again shortly. */
export class DatabaseUnavailableError extends UnavailableError {
  constructor(detail = 'database unavailable') {
    super('SERVICE.DATABASE_UNAVAILABLE', 'Le service est momentanément indisponible. Réessayez dans quelques instants.', detail, {
      retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
    });
  }
}
