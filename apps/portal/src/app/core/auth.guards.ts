import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import { SessionService } from './session.service';

// inject() only works before the first await: take what is needed first.

/** Parent pages: a signed-in parent, else the login page (and back here after). */
export const parentGuard: CanActivateFn = async (_route, state) => {
  const [session, router] = [inject(SessionService), inject(Router)];
  const me = await session.resolve();
  if (!me) return router.createUrlTree(['/connexion'], { queryParams: { retour: state.url } });
  if (me.role !== 'parent' || !me.familyId) return router.createUrlTree(['/']);
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
  return me ? router.createUrlTree([me.role === 'parent' ? '/reservations' : '/']) : true;
};

/** The home page sends a signed-in parent straight to their reservations. */
export const homeGuard: CanActivateFn = async () => {
  const [session, router] = [inject(SessionService), inject(Router)];
  const me = await session.resolve();
  return me?.role === 'parent' ? router.createUrlTree(['/reservations']) : true;
};
