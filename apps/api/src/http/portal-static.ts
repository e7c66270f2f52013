import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Serves the built Angular portal at `/`, with the SPA fallback: any GET outside `/api`
 * that is not a file gets index.html, so deep links (/reservations/…) work on reload.
 */
export function portalStatic(portalDir: string) {
  const root = resolve(portalDir);
  const index = join(root, 'index.html');
  const files = express.static(root, { index: false, maxAge: '1h' });
  return (request: Request, response: Response, next: NextFunction) => {
    if (request.path.startsWith('/api')) return next();
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    files(request, response, () => {
      if (!existsSync(index)) {
        response.status(503).type('text/plain; charset=utf-8').send("Le portail n'est pas construit : lancez « npm run build ».");
        return;
      }
      response.setHeader('Cache-Control', 'no-cache');
      response.sendFile(index);
    });
  };
}
