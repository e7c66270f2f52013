import type { NextFunction, Request, Response } from 'express';
import { NotFoundError } from '#ardoise/kernel';
import { toProblem } from './problem-details.filter.js';

/**
 * `/api/…` outside the API's version prefix and the OpenAPI pages (`/api/x`, or
 * `/api/v1/a/../../x` once a client resolved the dots) is a problem+json 404 too, not
 * Express's HTML page: Nest's own 404 only covers its prefix, the portal stays out of `/api`.
 */
export function apiNotFound(prefix: string) {
  const root = `/${prefix}`;
  return (request: Request, response: Response, next: NextFunction) => {
    const path = request.path;
    const underApi = path === '/api' || path.startsWith('/api/');
    if (!underApi || path === root || path.startsWith(`${root}/`) || path.startsWith('/api/docs')) return next();
    const problem = toProblem(new NotFoundError('RESOURCE.NOT_FOUND', 'Ressource introuvable.'), path);
    response.status(404).type('application/problem+json').send(JSON.stringify(problem));
  };
}
