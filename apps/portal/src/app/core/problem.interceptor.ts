import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { MESSAGES } from '../i18n/messages';
import { ApiError } from './api-error';
import { SessionService } from './session.service';

/**
 * Turns every failed API call into an ApiError (problem+json → French title and field
 * messages). A 401 on a page that needs a session means the session ended (idle, logout
 * elsewhere, password changed): forget it and go to the login page, coming back after.
 */
export const problemInterceptor: HttpInterceptorFn = (request, next) => {
  const t = inject(MESSAGES);
  const session = inject(SessionService);
  const router = inject(Router);
  return next(request).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse)) return throwError(() => error);
      const apiError = ApiError.from(error, t);
      const isSessionProbe = request.url.endsWith('/auth/me') || request.url.endsWith('/auth/login');
      if (error.status === 401 && !isSessionProbe && session.me()) {
        session.forget();
        void router.navigate(['/connexion'], { queryParams: { retour: router.url, expiree: 1 } });
      }
      return throwError(() => apiError);
    }),
  );
};
