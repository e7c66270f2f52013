import type { CookieOptions, Request, Response } from 'express';

export const SESSION_COOKIE = 'ardoise_session';
/** Angular's HttpClient sends this cookie's value back as the X-XSRF-TOKEN header by itself. */
export const CSRF_COOKIE = 'XSRF-TOKEN';
export const CSRF_HEADER = 'x-xsrf-token';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/** Secure everywhere but on localhost (plain http in development and tests). */
function options(request: Request, httpOnly: boolean): CookieOptions {
  return { httpOnly, sameSite: 'lax', secure: !LOCAL_HOSTS.has(request.hostname), path: '/' };
}

export function setSessionCookies(request: Request, response: Response, token: string, csrfToken: string): void {
  response.cookie(SESSION_COOKIE, token, options(request, true));
  response.cookie(CSRF_COOKIE, csrfToken, options(request, false));
}

export function clearSessionCookies(request: Request, response: Response): void {
  response.clearCookie(SESSION_COOKIE, options(request, true));
  response.clearCookie(CSRF_COOKIE, options(request, false));
}
