import { HttpErrorResponse } from '@angular/common/http';
import type { ProblemDetails } from '@ardoise/contracts';
import type { Messages } from '../i18n/messages';

/**
 * What a page needs from a failed call: a French sentence for the whole form, and French
 * messages per field (keyed by the API's field path, e.g. `account.email`), so each one
 * can be tied to its input. Built once, by the problem interceptor.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    /** French, for people. */
    readonly title: string,
    readonly fieldErrors: Readonly<Record<string, readonly string[]>> = {},
    readonly problem?: ProblemDetails,
  ) {
    super(title);
    this.name = 'ApiError';
  }

  /** The messages for one field, or for every field under a prefix when `prefix` ends with a dot. */
  messagesFor(field: string): readonly string[] {
    return this.fieldErrors[field] ?? [];
  }

  get hasFieldErrors(): boolean {
    return Object.keys(this.fieldErrors).length > 0;
  }

  static from(response: HttpErrorResponse, t: Messages): ApiError {
    const problem = asProblem(response.error);
    if (problem) {
      const fields: Record<string, string[]> = {};
      for (const error of problem.errors ?? []) fields[error.field] = [...(fields[error.field] ?? []), ...error.messages];
      return new ApiError(problem.status ?? response.status, problem.code, problem.title || t.errors.generic, fields, problem);
    }
    if (response.status === 0) return new ApiError(0, 'NETWORK.UNREACHABLE', t.errors.network);
    if (response.status >= 500) return new ApiError(response.status, 'SERVER.INTERNAL', t.errors.server);
    if (response.status === 401) return new ApiError(401, 'AUTH.UNAUTHENTICATED', t.errors.unauthenticated);
    if (response.status === 403) return new ApiError(403, 'AUTH.FORBIDDEN', t.errors.forbidden);
    if (response.status === 404) return new ApiError(404, 'RESOURCE.NOT_FOUND', t.errors.notFound);
    return new ApiError(response.status, 'REQUEST.REJECTED', t.errors.generic);
  }
}

function asProblem(body: unknown): ProblemDetails | undefined {
  let value = body;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  if (value && typeof value === 'object' && typeof (value as ProblemDetails).title === 'string' && typeof (value as ProblemDetails).code === 'string') {
    return value as ProblemDetails;
  }
  return undefined;
}

/** Any thrown value as an ApiError (a bug in our own code reads as a generic failure). */
export function toApiError(error: unknown, t: Messages): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof HttpErrorResponse) return ApiError.from(error, t);
  return new ApiError(-1, 'CLIENT.UNEXPECTED', t.errors.generic);
}
