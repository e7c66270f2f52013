import type { NextFunction, Request, Response } from 'express';
import { NotFoundError } from '#ardoise/kernel';
import { toProblem } from './problem-details.filter.js';

/**
 * Registered after every route: an `/api/…` path that nothing answered (`/api/x`, or
 * `/api/v1/a/../../x` once a client resolved the dots) is a problem+json 404 too, not
 * Express's HTML page (Nest's own 404 covers only its prefix; the portal stays out of `/api`).
 */
export function apiNotFound(request: Request, response: Response, next: NextFunction): void {
  const path = request.path;
  if (path !== '/api' && !path.startsWith('/api/')) return next();
  const problem = toProblem(new NotFoundError('RESOURCE.NOT_FOUND', 'Ressource introuvable.'), path);
  response.status(404).type('application/problem+json').send(JSON.stringify(problem));
}
