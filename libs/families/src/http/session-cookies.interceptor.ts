import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { tap, type Observable } from 'rxjs';
import { SessionCookies } from '#ardoise/identity';

const OPENED_SESSION = 'ardoise.openedSession';

/** Leaves the session a use case opened on the response, for `SetsSessionCookies` to write as cookies. */
export function keepSessionFor(response: Response, session: { token: string; csrfToken: string }): void {
  response.locals[OPENED_SESSION] = session;
}

/**
 * Writes the session cookies of a session opened by the route's use case (account creation,
 * a guardian's first sign-in): the cookies' options come from the configuration, which
 * controllers do not inject (they hold the buses only).
 */
@Injectable()
export class SetsSessionCookies implements NestInterceptor {
  constructor(@Inject(SessionCookies) private readonly cookies: SessionCookies) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      tap(() => {
        const session = response.locals[OPENED_SESSION] as { token: string; csrfToken: string } | undefined;
        if (session) this.cookies.set(response, session.token, session.csrfToken);
      }),
    );
  }
}
