/**
 * The one error hierarchy of Ardoise. Every error a person may see has a stable `code`
 * (e.g. `RESERVATION.DEADLINE_PASSED`), an HTTP status and a French title; the API maps
 * it once to RFC 9457 problem+json (libs/api/src/http/problem-details.filter.ts).
 */
export interface FieldError {
  field: string;
  messages: string[];
}

export abstract class AppError extends Error {
  abstract readonly status: number;
  constructor(
    readonly code: string,
    /** French, for people. */
    readonly title: string,
    readonly detail?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = new.target.name;
  }
}

/** 400 — the input is malformed. */
export class ValidationError extends AppError {
  readonly status = 400;
  constructor(
    readonly fieldErrors: FieldError[],
    title = 'La requête contient des données invalides.',
  ) {
    super('REQUEST.INVALID', title, fieldErrors.map((f) => `${f.field}: ${f.messages.join(', ')}`).join('; '));
  }
}

/** 401 — not signed in. */
export class UnauthenticatedError extends AppError {
  readonly status = 401;
}

/** 403 — signed in but not allowed. */
export class ForbiddenError extends AppError {
  readonly status = 403;
}

/** 404 — no such thing (or not yours to know about). */
export class NotFoundError extends AppError {
  readonly status = 404;
}

/** 409 — a concurrency or business conflict (already exists, changed meanwhile). */
export class ConflictError extends AppError {
  readonly status = 409;
}

/** 422 — well-formed, but a business rule says no (deadline passed, day full). */
export class RuleViolationError extends AppError {
  readonly status = 422;
}

/** 503 — a dependency is not available. */
export class UnavailableError extends AppError {
  readonly status = 503;
}

/**
 * 429 — too many attempts for now. `retryAfterSeconds` is sent as the `Retry-After` header
 * (and in the problem body) so that the portal can say how long to wait.
 */
export class TooManyRequestsError extends AppError {
  readonly status = 429;
  constructor(
    code: string,
    title: string,
    readonly retryAfterSeconds: number,
  ) {
    super(code, title, undefined, { retryAfterSeconds });
  }
}

/** « 30 secondes », « 2 minutes », « 1 heure » : how long to wait, in French, rounded up. */
export function frenchDelay(seconds: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n > 1 ? 's' : ''}`;
  if (seconds < 60) return plural(Math.max(1, Math.ceil(seconds)), 'seconde');
  if (seconds < 3600) return plural(Math.ceil(seconds / 60), 'minute');
  return plural(Math.ceil(seconds / 3600), 'heure');
}
