import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { CSRF_COOKIE } from '#ardoise/identity';
import { firstScreens } from './portal-first-screen.js';
import { CSP_NONCE_PLACEHOLDER, cspNonceOf } from './security-headers.js';

/** Angular's output names carry an 8-character content hash (`main-33LNE6OE.js`, `chunk-DBrgULa-.js`). */
const HASHED_ASSET = /-[A-Za-z0-9_-]{8}\.(js|css|woff2?)$/;
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Files without a hash in their name (favicon…) may change at the next deployment. */
const SHORT = 'public, max-age=3600';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves the built Angular portal at `/`, with the SPA fallback: any GET outside `/api`
 * that is not a file gets index.html, so deep links (/reservations/…) work on reload.
 *
 * - Hashed assets are cached for a year (`immutable`): a new build has new names.
 * - A brotli or gzip copy written at build time (scripts/precompress-portal.mjs) is sent
 *   when the browser accepts it; other responses are compressed on the fly (compression).
 * - index.html is never cached (`no-cache`) and carries the request's CSP nonce, which
 *   Angular puts on the `<style>` elements of its components (`ngCspNonce`); its global
 *   stylesheet is inlined, the API reads the page starts with and the first screens' chunks
 *   are preloaded (portal-first-screen.ts). Which reads depends on the request's cookies:
 *   `Vary: Cookie`.
 */
export function portalStatic(portalDir: string) {
  const root = resolve(portalDir);
  const index = join(root, 'index.html');
  const files = express.static(root, {
    index: false,
    cacheControl: false,
    setHeaders: (response, path) => response.setHeader('Cache-Control', HASHED_ASSET.test(path.replace(/\.(br|gz)$/, '')) ? IMMUTABLE : SHORT),
  });
  const indexHtml = cachedByModificationTime(root, index);

  return (request: Request, response: Response, next: NextFunction) => {
    if (request.path.startsWith('/api')) return next();
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    servePrecompressed(root, request, response);
    files(request, response, () => {
      // Not a file: undo a precompressed choice and answer with the page.
      response.removeHeader('Content-Encoding');
      response.removeHeader('Content-Type');
      const signedIn = Boolean((request.cookies as Record<string, string> | undefined)?.[CSRF_COOKIE]);
      const html = indexHtml()?.pageFor(request.path, signedIn) ?? null;
      if (html === null) {
        response.status(503).type('text/plain; charset=utf-8').send("Le portail n'est pas construit : lancez « npm run build ».");
        return;
      }
      response
        .status(200)
        .set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' })
        .vary('Cookie')
        .send(html.replaceAll(CSP_NONCE_PLACEHOLDER, cspNonceOf(response)));
    });
  };
}

/** Points the request at `<file>.br` or `<file>.gz` when it exists and the browser accepts it. */
function servePrecompressed(root: string, request: Request, response: Response): void {
  const type = TYPES[extname(request.path)];
  if (!type) return;
  // Brotli first whenever accepted (browsers list gzip first, with the same weight).
  const encoding = request.acceptsEncodings('br') === 'br' ? 'br' : request.acceptsEncodings('gzip') === 'gzip' ? 'gzip' : null;
  response.vary('Accept-Encoding');
  if (!encoding) return;
  let path: string;
  try {
    path = resolve(root, `.${decodeURIComponent(request.path)}`);
  } catch {
    return;
  }
  if (!path.startsWith(root + sep)) return;
  const suffix = encoding === 'br' ? '.br' : '.gz';
  if (!existsSync(path + suffix)) return;
  request.url = request.url.replace(/^[^?]*/, (p) => p + suffix);
  response.setHeader('Content-Encoding', encoding);
  response.setHeader('Content-Type', type);
}

/** The pages made from index.html, made again only when it changed (a rebuild while the server runs). */
function cachedByModificationTime(root: string, path: string): () => ReturnType<typeof firstScreens> | null {
  let cached: { mtimeMs: number; pages: ReturnType<typeof firstScreens> } | null = null;
  return () => {
    try {
      const { mtimeMs } = statSync(path);
      if (cached?.mtimeMs !== mtimeMs) cached = { mtimeMs, pages: firstScreens(root, readFileSync(path, 'utf8')) };
      return cached.pages;
    } catch {
      return null;
    }
  };
}
