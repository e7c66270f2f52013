import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { randomBytes } from 'node:crypto';

/** Written in apps/portal/src/index.html (`<ard-root ngCspNonce="…">`), replaced per request. */
export const CSP_NONCE_PLACEHOLDER = 'ARDOISE_CSP_NONCE';

export const HSTS = 'max-age=31536000; includeSubDomains';

/** The nonce of this response's Content-Security-Policy (set by securityHeaders). */
export function cspNonceOf(response: Response): string {
  return String(response.locals['cspNonce'] ?? '');
}

/**
 * Security headers on every response (helmet), with a strict Content-Security-Policy:
 * scripts only from the portal's own files (no inline script, no eval), styles from its
 * files or carrying the response's nonce (Angular's component styles), nothing may frame
 * the portal, forms post only to it. The OpenAPI explorer (/api/docs) keeps the same script
 * rule but needs inline styles (swagger-ui). HSTS only when served over HTTPS: PUBLIC_URL
 * in https://, or the request itself (behind a proxy, with Express's trust proxy).
 */
export function securityHeaders(options: { https: boolean }) {
  const directives = {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", (_request: unknown, response: unknown) => `'nonce-${cspNonceOf(response as Response)}'`],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    ...(options.https ? { upgradeInsecureRequests: [] } : {}),
  };
  const common = {
    strictTransportSecurity: false as const,
    referrerPolicy: { policy: 'same-origin' as const },
    crossOriginEmbedderPolicy: false,
    xFrameOptions: { action: 'deny' as const },
  };
  const portal = helmet({ ...common, contentSecurityPolicy: { useDefaults: false, directives } });
  const explorer = helmet({
    ...common,
    contentSecurityPolicy: { useDefaults: false, directives: { ...directives, styleSrc: ["'self'", "'unsafe-inline'"] } },
  });
  return (request: Request, response: Response, next: NextFunction) => {
    response.locals['cspNonce'] = randomBytes(16).toString('base64');
    if (options.https || request.secure) response.setHeader('Strict-Transport-Security', HSTS);
    (request.path.startsWith('/api/docs') ? explorer : portal)(request, response, next);
  };
}
