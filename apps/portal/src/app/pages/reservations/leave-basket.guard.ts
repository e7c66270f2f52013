import { inject } from '@angular/core';
import type { CanDeactivateFn } from '@angular/router';
import { MESSAGES } from '../../i18n/messages';
import { ReservationsStore } from './reservations.store';

/** Leaving Mes réservations with requests not validated: say so, clearly, and let the parent choose. */
export const leaveBasketGuard: CanDeactivateFn<unknown> = (_component, _route, _state, next) => {
  if (next?.url.startsWith('/reservations')) return true;
  const store = inject(ReservationsStore);
  const count = store.basket().length;
  return count === 0 || window.confirm(inject(MESSAGES).reservations.basket.leaveWarning(count));
};
