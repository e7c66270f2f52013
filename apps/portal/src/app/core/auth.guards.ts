import { inject } from '@angular/core';
import { type CanActivateFn, type CanMatchFn, Router } from '@angular/router';
import type { AccountRole } from '@ardoise/contracts';
import { SessionService } from './session.service';
import { HOME_OF_ROLE } from './staff-areas';

// inject() only works before the first await: take what is needed first.

/** Parent pages: a signed-in parent, else the login page (and back here after). */
export const parentGuard: CanActivateFn = async (_route, state) => {
  const [session, router] = [inject(SessionService), inject(Router)];
  const me = await session.resolve();
  if (!me) return router.createUrlTree(['/connexion'], { queryParams: { retour: state.url } });
  if (me.role !== 'parent' || !me.familyId) return router.createUrlTree([HOME_OF_ROLE[me.role]]);
  return true;
};

/** Pages for signed-in people of any role (Mon compte). */
export const signedInGuard: CanActivateFn = async (_route, state) => {
  const [session, router] = [inject(SessionService), inject(Router)];
  const me = await session.resolve();
  return me ? true : router.createUrlTree(['/connexion'], { queryParams: { retour: state.url } });
};

/** The login and forgotten-password pages make no sense once signed in. */
export const signedOutGuard: CanActivateFn = async () => {
  const [session, router] = [inject(SessionService), inject(Router)];
  const me = await session.resolve();
  return me ? router.createUrlTree([HOME_OF_ROLE[me.role]]) : true;
};

/** The home page sends a signed-in person straight to their own area (reservations, or their back office). */
export const homeGuard: CanActivateFn = async () => {
  const [session, router] = [inject(SessionService), inject(Router)];
  const me = await session.resolve();
  return me ? router.createUrlTree([HOME_OF_ROLE[me.role]]) : true;
};

/**
 * A back-office area (`/gestion`, `/finances`, `/audit`, `/admin`) for the given roles only.
 * It is a canMatch guard: for anyone else the route does not match, so its chunk is never
 * downloaded and none of its data is asked for. Anonymous → the login page (back here after);
 * another role → the « accès refusé » page.
 */
export function staffAreaGuard(...roles: AccountRole[]): CanMatchFn {
  return async (_route, segments) => {
    const [session, router] = [inject(SessionService), inject(Router)];
    const me = await session.resolve();
    const url = '/' + segments.map((s) => s.path).join('/');
    if (!me) return router.createUrlTree(['/connexion'], { queryParams: { retour: url } });
    if (roles.includes(me.role)) return true;
    return router.createUrlTree(['/acces-refuse'], { queryParams: { page: url } });
  };
}
