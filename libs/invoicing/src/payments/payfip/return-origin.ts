/** What a request says about where the parent's browser is (the Origin header, else Host). */
export interface RequestOrigin {
  origin?: string | undefined;
  host?: string | undefined;
  protocol?: string | undefined;
}

/** Without PUBLIC_URL (a developer's machine), the parent may come back on these hosts only. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The origin PayFIP sends the parent back to, so that they return signed in (the session
 * cookie belongs to the origin they used). PUBLIC_URL, when set, is the only answer: a
 * request's Origin or Host is never trusted then. Without it, the request's own origin is
 * used if it names this machine (localhost, 127.0.0.1, [::1], any port: `ng serve` runs
 * on another one); anything else falls back to `fallback` (http://localhost:PORT).
 */
export function returnOrigin(publicUrl: string | undefined, request: RequestOrigin, fallback: string): string {
  if (publicUrl) return publicUrl.replace(/\/$/, '');
  const candidate = request.origin && request.origin !== 'null' ? request.origin : request.host ? `${request.protocol ?? 'http'}://${request.host}` : '';
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return fallback;
  }
  const clean = (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password && url.pathname === '/' && !url.search;
  return clean && LOOPBACK_HOSTS.has(url.hostname) ? url.origin : fallback;
}
