import type { NextFunction, Request, Response } from 'express';
import { DatabaseUnavailableError, type DatabaseAvailability } from '#ardoise/database';
import { sendProblem, toProblem } from './problem-details.filter.js';

/**
 * While PostgreSQL is known to be down (DatabaseAvailability), every API request is
 * answered at once with 503 problem+json and Retry-After, instead of waiting for a
 * connection that will not come. /health still runs its own checks, to say why.
 */
export function databaseAvailabilityMiddleware(availability: DatabaseAvailability, apiPrefix: string) {
  const health = `/${apiPrefix}/health`;
  return (request: Request, response: Response, next: NextFunction) => {
    if (availability.available || !request.path.startsWith(`/${apiPrefix}/`) || request.path === health) return next();
    sendProblem(response, toProblem(new DatabaseUnavailableError(), request.originalUrl?.split('?')[0]));
  };
}
