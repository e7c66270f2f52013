import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { runInContext, type Actor } from '#ardoise/commands';

/** Copied for each request: a context's actor is per request and may be replaced or filled in. */
const ANONYMOUS: Readonly<Actor> = Object.freeze({ userId: 'anonymous', role: 'anonymous' });
const VALID_CORRELATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * Opens the request's context (correlation id, actor) for everything below it, and logs
 * one line per request: method, route, status, duration — no bodies, no query strings.
 * Authentication (families issue) replaces the anonymous actor.
 */
export function requestContextMiddleware(logger: Logger) {
  return (request: Request, response: Response, next: NextFunction) => {
    const incoming = request.header('x-correlation-id');
    const correlationId = incoming && VALID_CORRELATION_ID.test(incoming) ? incoming : randomUUID();
    const requestId = randomUUID();
    response.setHeader('X-Correlation-Id', correlationId);
    const started = process.hrtime.bigint();
    runInContext({ correlationId, causationId: requestId, actor: { ...ANONYMOUS } }, () => {
      response.on('finish', () => {
        if (!request.path.startsWith('/api/')) return;
        logger.info(
          {
            method: request.method,
            path: request.route?.path ?? request.path.replace(/[0-9a-f-]{36}/gi, ':id'),
            status: response.statusCode,
            ms: Number(process.hrtime.bigint() - started) / 1e6,
          },
          'request',
        );
      });
      next();
    });
  };
}
