import type { CookieOptions, Response } from 'express';

export const SESSION_COOKIE = 'ardoise_session';
/** Angular's HttpClient sends this cookie's value back as the X-XSRF-TOKEN header by itself. */
export const CSRF_COOKIE = 'XSRF-TOKEN';
export const CSRF_HEADER = 'x-xsrf-token';

/**
 * Sets and clears the session and CSRF cookies. Their `Secure` flag comes from the
 * configuration (`PUBLIC_URL` in https), never from the request: a Host or X-Forwarded-Host
 * header is whatever the client says it is.
 */
export class SessionCookies {
  constructor(private readonly secure: boolean) {}

  set(response: Response, token: string, csrfToken: string): void {
    response.cookie(SESSION_COOKIE, token, this.options(true));
    response.cookie(CSRF_COOKIE, csrfToken, this.options(false));
  }

  clear(response: Response): void {
    response.clearCookie(SESSION_COOKIE, this.options(true));
    response.clearCookie(CSRF_COOKIE, this.options(false));
  }

  private options(httpOnly: boolean): CookieOptions {
    return { httpOnly, sameSite: 'lax', secure: this.secure, path: '/' };
  }
}
