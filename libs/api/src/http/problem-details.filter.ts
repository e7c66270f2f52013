import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { AppError, TooManyRequestsError, ValidationError } from '#ardoise/kernel';
import { DatabaseUnavailableError, isDatabaseUnavailable, type DatabaseAvailability } from '#ardoise/database';
import { peekContext } from '#ardoise/commands';
import type { ProblemDetails } from '#ardoise/contracts';

const PROBLEM_BASE = 'https://ardoise.fr/problems/';

/** French titles for errors raised by the HTTP layer itself (routing, body parsing, size). */
const HTTP_TITLES: Record<number, [code: string, title: string]> = {
  400: ['REQUEST.MALFORMED', 'La requête est mal formée.'],
  401: ['AUTH.UNAUTHENTICATED', 'Vous devez vous connecter.'],
  403: ['AUTH.FORBIDDEN', "Vous n'avez pas accès à cette ressource."],
  404: ['RESOURCE.NOT_FOUND', 'Ressource introuvable.'],
  405: ['REQUEST.METHOD_NOT_ALLOWED', 'Méthode non autorisée.'],
  413: ['REQUEST.TOO_LARGE', 'La requête est trop volumineuse.'],
  415: ['REQUEST.UNSUPPORTED_MEDIA_TYPE', "Le format envoyé n'est pas pris en charge."],
  429: ['REQUEST.TOO_MANY', 'Trop de requêtes : réessayez dans un instant.'],
};

export function problemType(code: string): string {
  return PROBLEM_BASE + code.toLowerCase().replace(/_/g, '-');
}

/** Maps every error, once, to RFC 9457 problem+json. Never a 500 for bad input. */
export function toProblem(thrown: unknown, instance?: string): ProblemDetails {
  // Nest wraps errors from Express middleware (the body parsers' checks) in an HttpException.
  let error = thrown instanceof HttpException && thrown.cause instanceof AppError ? thrown.cause : thrown;
  const correlationId = peekContext()?.correlationId;
  // A lost, refused or silent database connection, whatever raised it: one answer, 503.
  if (!(error instanceof AppError) && isDatabaseUnavailable(error)) error = new DatabaseUnavailableError();
  if (error instanceof AppError) {
    return {
      type: problemType(error.code),
      title: error.title,
      status: error.status,
      code: error.code,
      ...(error.detail ? { detail: error.detail } : {}),
      ...(error instanceof ValidationError ? { errors: error.fieldErrors } : {}),
      ...error.extra,
      instance,
      correlationId,
    };
  }
  const status = httpStatusOf(error);
  if (status && status < 500) {
    const [code, title] = HTTP_TITLES[status] ?? ['REQUEST.REJECTED', 'La requête a été refusée.'];
    return { type: problemType(code), title, status, code, instance, correlationId };
  }
  return {
    type: problemType('SERVER.INTERNAL'),
    title: 'Une erreur inattendue est survenue. Réessayez plus tard ; si elle persiste, contactez la mairie.',
    status: 500,
    code: 'SERVER.INTERNAL',
    instance,
    correlationId,
  };
}

/** Status of Nest's HttpException and of body-parser errors (which carry `status`). */
function httpStatusOf(error: unknown): number | undefined {
  if (error instanceof HttpException) return error.getStatus();
  const status = (error as { status?: unknown; statusCode?: unknown })?.status ?? (error as { statusCode?: unknown })?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : undefined;
}

/** Sends `problem` as application/problem+json, with Retry-After when it says when to come back. */
export function sendProblem(response: Response, problem: ProblemDetails): void {
  const retryAfter = (problem as { retryAfterSeconds?: unknown }).retryAfterSeconds;
  if (typeof retryAfter === 'number' && !response.getHeader('Retry-After')) response.setHeader('Retry-After', String(Math.ceil(retryAfter)));
  response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
}

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(
    private readonly logger: Logger,
    private readonly availability?: DatabaseAvailability,
  ) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const problem = toProblem(error, request.originalUrl?.split('?')[0]);
    if (problem.code === 'SERVICE.DATABASE_UNAVAILABLE') {
      // Not an error of ours (the request log line shows the 503): the probe takes it from here.
      this.availability?.reportFailure(error);
    } else if (problem.status >= 500 && (problem as { retryAfterSeconds?: unknown }).retryAfterSeconds === undefined) {
      // (A 503 that says when to come back — password checks busy, read models behind — is a
      // refusal, not a fault: the request log line shows it, without a stack for each of a flood.)
      // Stack and message only: error messages from our code never carry personal data.
      this.logger.error({ err: error instanceof Error ? { message: error.message, stack: error.stack } : String(error) }, 'unhandled error');
    }
    if (response.headersSent) return;
    if (error instanceof TooManyRequestsError) response.setHeader('Retry-After', String(Math.max(1, Math.ceil(error.retryAfterSeconds))));
    sendProblem(response, problem);
  }
}
