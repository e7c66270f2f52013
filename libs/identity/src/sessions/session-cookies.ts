import type { CookieOptions, Response } from 'express';

export const SESSION_COOKIE = 'ardoise_session';
/** Angular's HttpClient sends this cookie's value back as the X-XSRF-TOKEN header by itself. */
export const CSRF_COOKIE = 'XSRF-TOKEN';
export const CSRF_HEADER = 'x-xsrf-token';

/** A cookie the controller sets on its response, or clears (`value` null). */
export interface CookieWrite {
  name: string;
  value: string | null;
  options: CookieOptions;
}

/**
 * The session and CSRF cookies, set at login and cleared at logout. Their `Secure` flag comes
 * from the configuration (`PUBLIC_URL` in https), never from the request: a Host or
 * X-Forwarded-Host header is whatever the client says it is. The handler that opens or closes a
 * session says which cookies to write (login, logout, account creation, a guardian's first
 * sign-in); its controller writes them on its response (`writeCookies`).
 */
export class SessionCookies {
  constructor(private readonly secure: boolean) {}

  opening(token: string, csrfToken: string): CookieWrite[] {
    return [
      { name: SESSION_COOKIE, value: token, options: this.options(true) },
      { name: CSRF_COOKIE, value: csrfToken, options: this.options(false) },
    ];
  }

  closing(): CookieWrite[] {
    return [
      { name: SESSION_COOKIE, value: null, options: this.options(true) },
      { name: CSRF_COOKIE, value: null, options: this.options(false) },
    ];
  }

  private options(httpOnly: boolean): CookieOptions {
    return { httpOnly, sameSite: 'lax', secure: this.secure, path: '/' };
  }
}

export function writeCookies(response: Response, cookies: readonly CookieWrite[]): void {
  for (const cookie of cookies) {
    if (cookie.value === null) response.clearCookie(cookie.name, cookie.options);
    else response.cookie(cookie.name, cookie.value, cookie.options);
  }
}
