import { HttpErrorResponse, HttpResponse, type HttpInterceptorFn } from '@angular/common/http';
import { defer, retry, tap, throwError, timer } from 'rxjs';

/** Every API call goes to the same origin (the API serves the portal), under this prefix. */
export const API = '/api/v1';

/** Answered by every command that recorded something: the position of its last event. */
const POSITION_HEADER = 'Ardoise-Position';
/** Sent with every read: the API answers from read models that already show that position. */
const MIN_POSITION_HEADER = 'Ardoise-Min-Position';
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The last position this page's commands were answered with. In memory only: a position
 * kept across reloads could name another database's log (a restored or reset server).
 */
let lastPosition: string | null = null;

/** Forgets the position (sign-out). */
export function forgetLastPosition(): void {
  lastPosition = null;
}

/**
 * Read-your-writes: remembers the `Ardoise-Position` a command answers and sends it back as
 * `Ardoise-Min-Position` on the next reads, so that a page shows what the parent just did
 * without reading again and again. When the read models are late beyond the API's wait
 * (503 with Retry-After), the read is tried again, twice at most.
 */
export const readYourWritesInterceptor: HttpInterceptorFn = (request, next) => {
  if (!request.url.startsWith(API)) return next(request);
  if (WRITE_METHODS.has(request.method)) {
    return next(request).pipe(
      tap((event) => {
        const position = event instanceof HttpResponse ? event.headers.get(POSITION_HEADER) : null;
        if (position) lastPosition = position;
      }),
    );
  }
  if (request.method !== 'GET') return next(request);
  return defer(() => next(lastPosition ? request.clone({ setHeaders: { [MIN_POSITION_HEADER]: lastPosition } }) : request)).pipe(
    retry({
      count: 2,
      delay: (error: unknown) => {
        if (error instanceof HttpErrorResponse && error.status === 503 && error.headers.has('Retry-After')) {
          return timer(Math.min(5, Number(error.headers.get('Retry-After')) || 1) * 1000);
        }
        return throwError(() => error);
      },
    }),
  );
};
