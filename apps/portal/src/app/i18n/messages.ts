import { InjectionToken } from '@angular/core';
import { messagesFr, type Messages } from './messages.fr';

/** The portal's strings; French by default. Components read them with `inject(MESSAGES)`. */
export const MESSAGES = new InjectionToken<Messages>('MESSAGES', {
  providedIn: 'root',
  factory: () => messagesFr,
});

export type { Messages };
